import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { DutyNoteDialog, type NoteDialogValues } from './DutyNoteDialog';

type Open = 'return' | 'fact' | 'talk' | 'remind' | null;

export interface ReviewActionsProps {
  readonly answer: MemberYearAnswer;
  readonly onChanged: () => void;
}

/**
 * What a convener, the office or a chair does on a member's year, as `may` allows (the server
 * checks each again): 确认 as convener or office, 退回 with a note, 补录事实, 约谈 and 提醒.
 */
export function ReviewActions({ answer, onChanged }: ReviewActionsProps): ReactElement | null {
  const { t } = useTranslation();
  const { api } = useApp();
  const confirm = useBusyAction();
  const [open, setOpen] = useState<Open>(null);
  const { may, book, year } = answer;
  const userId = answer.member.id;
  const isReviewer = may.confirmAsConvener || may.confirmAsOffice;
  const mayReturn = isReviewer && (book.state === 'submitted' || book.state === 'convener_confirmed');
  if (!isReviewer && !may.recordFacts && !may.talk) {
    return null;
  }
  const close = () => setOpen(null);
  const done = async (send: () => Promise<void>) => {
    await send();
    onChanged();
  };
  const dialog = (which: Exclude<Open, null>, onSubmit: (values: NoteDialogValues) => Promise<void>) => ({
    isOpen: open === which,
    onClose: close,
    onSubmit,
  });
  return (
    <section className="card duty-review" aria-labelledby="duty-review-title">
      <h2 id="duty-review-title">{t('duty.review.title')}</h2>
      <div className="duty-form-actions">
        {may.confirmAsConvener ? (
          <button
            type="button"
            className="button is-primary"
            disabled={confirm.isBusy}
            onClick={() => confirm.run(() => api.duty.confirm(userId, { year, as: 'convener' }), onChanged)}
          >
            {t('duty.review.confirmConvener')}
          </button>
        ) : null}
        {may.confirmAsOffice ? (
          <button
            type="button"
            className="button is-primary"
            disabled={confirm.isBusy}
            onClick={() => confirm.run(() => api.duty.confirm(userId, { year, as: 'office' }), onChanged)}
          >
            {t('duty.review.confirmOffice')}
          </button>
        ) : null}
        {mayReturn ? (
          <button type="button" className="button" onClick={() => setOpen('return')}>
            {t('duty.review.sendBack')}
          </button>
        ) : null}
        {may.recordFacts ? (
          <button type="button" className="button" onClick={() => setOpen('fact')}>
            {t('duty.review.addFact')}
          </button>
        ) : null}
        {may.talk ? (
          <>
            <button type="button" className="button" onClick={() => setOpen('talk')}>
              {t('duty.review.talk')}
            </button>
            <button type="button" className="button" onClick={() => setOpen('remind')}>
              {t('duty.review.remind')}
            </button>
          </>
        ) : null}
      </div>
      <FormError message={confirm.error} />
      <DutyNoteDialog
        {...dialog('return', ({ note }) => done(() => api.duty.sendBack(userId, { year, note })))}
        title={t('duty.review.sendBackTitle')}
        noteLabel={t('duty.review.sendBackNote')}
        confirmLabel={t('duty.review.sendBack')}
        isDanger
      />
      <DutyNoteDialog
        {...dialog('fact', ({ note, at, points, evidence }) =>
          done(() => api.duty.addFact(userId, { year, at: at ?? Date.now(), points, note, evidence })),
        )}
        title={t('duty.review.addFactTitle')}
        dateLabel={t('duty.review.factDate')}
        pointsLabel={t('duty.review.factPoints')}
        noteLabel={t('duty.review.factNote')}
        evidenceLabel={t('duty.review.factEvidence')}
        confirmLabel={t('duty.review.addFact')}
      />
      <TalkDialog userId={userId} year={year} isOpen={open === 'talk'} onClose={close} onDone={onChanged} />
      <ReminderDialog userId={userId} year={year} isOpen={open === 'remind'} onClose={close} onDone={onChanged} />
    </section>
  );
}

export interface MemberDialogProps {
  readonly userId: MemberYearAnswer['member']['id'];
  readonly year: number;
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly onDone: () => void;
  /** Whose talk or reminder it is, above the fields (the committee table names the member). */
  readonly about?: string;
}

/** 约谈: its date and what was said, kept with the member's book (B5). */
export function TalkDialog(props: MemberDialogProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  return (
    <DutyNoteDialog
      isOpen={props.isOpen}
      onClose={props.onClose}
      title={t('duty.review.talkTitle')}
      dateLabel={t('duty.review.talkDate')}
      noteLabel={t('duty.review.talkNote')}
      confirmLabel={t('duty.review.talk')}
      onSubmit={async ({ note, at }) => {
        await api.duty.recordTalk(props.userId, { year: props.year, at: at ?? Date.now(), note });
        props.onDone();
      }}
    >
      {props.about === undefined ? null : <p className="dialog-prompt">{props.about}</p>}
    </DutyNoteDialog>
  );
}

/** 提醒: a note sent to the member and kept with their book (B5). */
export function ReminderDialog(props: MemberDialogProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  return (
    <DutyNoteDialog
      isOpen={props.isOpen}
      onClose={props.onClose}
      title={t('duty.review.remindTitle')}
      noteLabel={t('duty.review.remindNote')}
      confirmLabel={t('duty.review.remind')}
      onSubmit={async ({ note }) => {
        await api.duty.remind(props.userId, { year: props.year, note });
        props.onDone();
      }}
    >
      {props.about === undefined ? null : <p className="dialog-prompt">{props.about}</p>}
    </DutyNoteDialog>
  );
}
