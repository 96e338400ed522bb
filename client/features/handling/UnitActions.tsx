import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer } from '../../../shared/api/handling';
import { AttachmentKind } from '../../../shared/domain/attachments';
import {
  ANSWER_CLASSES,
  type AnswerClass,
  AssignmentState,
  activeAssignments,
  canStillDecline,
  DECLINE_WINDOW_DAYS,
  UnitPart,
} from '../../../shared/domain/handling';
import type { DocId, UnitId } from '../../../shared/index';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { type ChosenFile, FileField } from '../attachments/FileField';
import { uploadErrorText } from '../attachments/uploadErrorText';

interface UnitActionsProps {
  readonly docId: DocId;
  readonly unitId: UnitId;
  readonly answer: CaseAnswer;
  readonly onChanged: (next: CaseAnswer) => void;
}

/** What a handling unit does on a proposal handed to it: accept or decline, then its opinion or answer (H2-H5). */
export function UnitActions({ docId, unitId, answer, onChanged }: UnitActionsProps): ReactElement | null {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction((err) => uploadErrorText(err, t));
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [answerClass, setAnswerClass] = useState<AnswerClass>('B');
  const [letter, setLetter] = useState<ChosenFile | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const textId = useId();
  const own = activeAssignments(answer.case).find((assignment) => assignment.unitId === unitId);
  if (own === undefined || answer.stage === 'closed') {
    return null;
  }
  const isCo = own.part === UnitPart.co;
  const canSend = text.trim() !== '' || (!isCo && letter !== null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!canSend) {
      return;
    }
    // The letter is uploaded first, then the answer names it (RULES.md AT4).
    const send = async () => {
      if (isCo) {
        return api.handling.step(docId, 'opinion', { text: text.trim() });
      }
      const uploaded =
        letter === null
          ? null
          : await api.attachments.upload(
              docId,
              AttachmentKind.replyLetter,
              letter.file,
              letter.file.name,
              letter.mediaType,
            );
      return api.handling.step(docId, 'answer', {
        answerClass,
        text: text.trim(),
        ...(uploaded === null ? {} : { attachmentId: uploaded.id }),
      });
    };
    action.run(send, (next) => {
      setText('');
      setLetter(null);
      setResetKey((n) => n + 1);
      onChanged(next);
    });
  };
  return (
    <section className="case-actions" aria-label={t('handling.answerTitle')}>
      {own.state === AssignmentState.pending ? (
        <div className="case-buttons">
          <button
            type="button"
            className="button is-primary"
            disabled={action.isBusy}
            onClick={() => action.run(() => api.handling.step(docId, 'respond', { accept: true }), onChanged)}
          >
            {t('handling.actions.accept')}
          </button>
          {canStillDecline(own, Date.now()) ? (
            <button type="button" className="button" onClick={() => setDeclining(!declining)}>
              {t('handling.actions.decline')}
            </button>
          ) : null}
          <small className="case-note">{t('handling.declineWindow', { days: DECLINE_WINDOW_DAYS })}</small>
        </div>
      ) : null}
      {declining ? (
        <form
          className="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim() !== '') {
              action.run(
                () => api.handling.step(docId, 'respond', { accept: false, reason: reason.trim() }),
                onChanged,
              );
            }
          }}
        >
          <p className="case-note">{t('handling.declinePrompt')}</p>
          <textarea
            rows={3}
            value={reason}
            aria-label={t('handling.reasonLabel')}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button is-danger" disabled={action.isBusy || reason.trim() === ''}>
            {t('handling.actions.decline')}
          </button>
        </form>
      ) : null}
      <form className="case-form" onSubmit={submit}>
        <label htmlFor={textId}>
          {own.part === UnitPart.co ? t('handling.actions.opinion') : t('handling.answerTitle')}
        </label>
        {own.part === UnitPart.co ? null : (
          <fieldset className="case-choices">
            <legend>{t('handling.answers')}</legend>
            {ANSWER_CLASSES.map((each) => (
              <label key={each} className="choice">
                <input
                  type="radio"
                  name="answer-class"
                  value={each}
                  checked={answerClass === each}
                  onChange={() => setAnswerClass(each)}
                />
                {t(`handling.answerClass.${each}`)}
              </label>
            ))}
          </fieldset>
        )}
        <textarea
          id={textId}
          rows={6}
          value={text}
          placeholder={own.part === UnitPart.co ? t('handling.opinionPlaceholder') : t('handling.answerPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
        {isCo ? null : (
          <FileField
            kind={AttachmentKind.replyLetter}
            label={t('attachments.replyLetterLabel')}
            chosen={letter}
            onChosen={setLetter}
            resetKey={resetKey}
          />
        )}
        <button type="submit" className="button is-primary" disabled={action.isBusy || !canSend}>
          {own.part === UnitPart.co ? t('handling.actions.opinion') : t('handling.actions.answer')}
        </button>
      </form>
      <FormError message={action.error} />
    </section>
  );
}
