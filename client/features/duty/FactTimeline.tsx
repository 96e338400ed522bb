import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useApp } from '../../ui/services/useServices';
import { dateText } from '../handling/caseModel';
import { DutyNoteDialog } from './DutyNoteDialog';
import { type FactAnswer, factHref, factLabel, factsByMonth, factTitle, monthName } from './dutyModel';

export interface FactTimelineProps {
  readonly answer: MemberYearAnswer;
  /** The member reading their own year: each fact offers 申请更正, and 漏记申请 is shown. */
  readonly isOwn: boolean;
  /** Called after a change the server took: the page reads the year again. */
  readonly onChanged: () => void;
}

function FactItem(props: {
  readonly fact: FactAnswer;
  readonly answer: MemberYearAnswer;
  readonly isOwn: boolean;
  readonly onCorrect: (fact: FactAnswer) => void;
  readonly onRemove: (fact: FactAnswer) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { fact } = props;
  const href = factHref(fact);
  const title = factTitle(fact, props.answer.titles, t);
  const isRemovable = props.answer.may.recordFacts && fact.source.type === 'manual';
  return (
    <li className="duty-fact" data-fact={fact.id}>
      <time className="duty-fact-date">{dateText(fact.at, i18n.language)}</time>
      <div className="duty-fact-body">
        <span className="duty-fact-label">{factLabel(fact, t)}</span>
        {href === null ? (
          <span className="duty-fact-title">{title}</span>
        ) : (
          <Link className="duty-fact-title" href={href}>
            {title}
          </Link>
        )}
      </div>
      <div className="duty-fact-actions">
        {props.isOwn ? (
          <button type="button" className="button is-small is-quiet" onClick={() => props.onCorrect(fact)}>
            {t('duty.timeline.correct')}
          </button>
        ) : null}
        {isRemovable ? (
          <button type="button" className="button is-small is-quiet" onClick={() => props.onRemove(fact)}>
            {t('duty.timeline.remove')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** The year's facts by month, each linking to its source; the member asks to correct one or reports one missing (B4). */
export function FactTimeline({ answer, isOwn, onChanged }: FactTimelineProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  // undefined: no dialog; null: a missing fact; a fact: that fact found wrong.
  const [correcting, setCorrecting] = useState<FactAnswer | null | undefined>(undefined);
  const [removing, setRemoving] = useState<FactAnswer | null>(null);
  const months = factsByMonth(answer.facts);
  return (
    <section className="card duty-timeline" aria-labelledby="duty-timeline-title">
      <div className="duty-section-head">
        <h2 id="duty-timeline-title">{t('duty.timeline.title')}</h2>
        {isOwn ? (
          <button type="button" className="button is-small" onClick={() => setCorrecting(null)}>
            {t('duty.timeline.missingFact')}
          </button>
        ) : null}
      </div>
      {months.length === 0 ? <p className="empty-note">{t('duty.timeline.empty')}</p> : null}
      {months.map(({ month, facts }) => (
        <div key={month} className="duty-month">
          <h3>{monthName(month, i18n.language)}</h3>
          <ul className="duty-facts">
            {facts.map((fact) => (
              <FactItem
                key={fact.id}
                fact={fact}
                answer={answer}
                isOwn={isOwn}
                onCorrect={setCorrecting}
                onRemove={setRemoving}
              />
            ))}
          </ul>
        </div>
      ))}
      <DutyNoteDialog
        isOpen={correcting !== undefined}
        title={correcting === null ? t('duty.correction.missingTitle') : t('duty.correction.title')}
        noteLabel={t('duty.correction.message')}
        confirmLabel={t('duty.correction.send')}
        onClose={() => setCorrecting(undefined)}
        onSubmit={async ({ note }) => {
          await api.duty.askCorrection({ year: answer.year, factId: correcting?.id ?? null, message: note });
          onChanged();
        }}
      >
        <p className="dialog-prompt">
          {correcting === null || correcting === undefined
            ? t('duty.correction.missingLead')
            : t('duty.correction.about', {
                label: factLabel(correcting, t),
                title: factTitle(correcting, answer.titles, t),
              })}
        </p>
      </DutyNoteDialog>
      <ConfirmDialog
        title={t('duty.timeline.removeTitle')}
        message={
          removing === null ? null : t('duty.timeline.removeMessage', { title: factTitle(removing, answer.titles, t) })
        }
        confirmLabel={t('duty.timeline.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing !== null) {
            await api.duty.removeFact(answer.member.id, removing.source.id, answer.year);
            onChanged();
          }
        }}
      />
    </section>
  );
}
