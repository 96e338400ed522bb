import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { MAX_SUMMARY_LENGTH } from '../../../shared/domain/dutyBook';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { BookState } from './BookState';
import { submitBlocker } from './bookModel';

/** A pause in typing this long saves the summary: a member on a phone need not find 保存. */
const AUTOSAVE_DELAY_MS = 2_000;

export interface RegistrationFormProps {
  readonly answer: MemberYearAnswer;
  readonly onChanged: () => void;
}

/**
 * 履职登记表: the member's 个人总结 (saved after a pause in typing, with 保存 or Ctrl+S), 提交 (disabled with the reason while
 * it cannot be), the form's state with who confirmed it and when, the return note, and the .docx.
 */
export function RegistrationForm({ answer, onChanged }: RegistrationFormProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const { book, may, year } = answer;
  const [summary, setSummary] = useState(book.summary);
  const [isSubmitOpen, setSubmitOpen] = useState(false);
  const [savedText, setSavedText] = useState(book.summary);
  const save = useBusyAction();
  const isWritable = may.write && book.state === 'draft';
  const isDirty = summary !== savedText;
  // A new answer (after a reload or a return) brings the stored text; unsaved typing is kept.
  const savedRef = useRef(book.summary);
  useEffect(() => {
    setSummary((current) => (current === savedRef.current ? book.summary : current));
    savedRef.current = book.summary;
    setSavedText(book.summary);
  }, [book.summary]);
  const doSave = (): void => {
    if (!isWritable || !isDirty || summary.length > MAX_SUMMARY_LENGTH) {
      return;
    }
    const text = summary;
    save.run(
      () => api.duty.writeSummary({ year, summary: text }),
      () => {
        savedRef.current = text;
        setSavedText(text);
        onChanged();
      },
    );
  };
  // The latest doSave, for the timer: it reads this render's summary, not the one it was set with.
  const saveNow = useRef(doSave);
  saveNow.current = doSave;
  // Each keystroke (a new summary) starts the pause again.
  useEffect(() => {
    if (!isWritable || summary === savedText || save.isBusy) {
      return undefined;
    }
    const timer = window.setTimeout(() => saveNow.current(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [isWritable, summary, savedText, save.isBusy]);
  useEffect(() => {
    if (!isDirty) {
      return undefined;
    }
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);
  const blocker = submitBlocker({ summary, isDirty, isWritable });
  return (
    <section className="card duty-form-card" aria-labelledby="duty-form-title">
      <div className="duty-section-head">
        <h2 id="duty-form-title">{t('duty.form.title')}</h2>
        <a className="button is-small" href={api.duty.formPath(may.write ? null : answer.member.id, year)} download>
          {t('duty.form.download')}
        </a>
      </div>
      <BookState book={book} />
      {book.returnNote === null || book.state !== 'draft' ? null : (
        <p className="notice is-warning" role="status">
          {t('duty.form.returned', { note: book.returnNote })}
        </p>
      )}
      <label className="field duty-summary">
        <span>{t('duty.form.summary')}</span>
        <textarea
          rows={8}
          value={summary}
          readOnly={!isWritable}
          maxLength={MAX_SUMMARY_LENGTH}
          placeholder={isWritable ? t('duty.form.summaryHint') : undefined}
          onChange={(event) => setSummary(event.target.value)}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
              event.preventDefault();
              doSave();
            }
          }}
        />
        <small className={summary.length >= MAX_SUMMARY_LENGTH ? 'is-error' : undefined}>
          {t('duty.form.count', { count: summary.length, max: MAX_SUMMARY_LENGTH })}
          {isWritable
            ? ` · ${save.isBusy ? t('duty.form.saving') : isDirty ? t('duty.form.unsaved') : t('duty.form.saved')}`
            : ''}
        </small>
      </label>
      {may.write && book.state !== 'draft' ? <p className="section-note">{t('duty.form.readOnly')}</p> : null}
      <FormError message={save.error} />
      {isWritable ? (
        <div className="duty-form-actions">
          <button type="button" className="button" disabled={!isDirty || save.isBusy} onClick={doSave}>
            {t('duty.form.save')}
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={blocker !== null}
            aria-describedby={blocker === null ? undefined : 'duty-submit-why'}
            onClick={() => setSubmitOpen(true)}
          >
            {t('duty.form.submit')}
          </button>
          {blocker === null ? null : (
            <small id="duty-submit-why" className="section-note">
              {t(`duty.form.${blocker}`)}
            </small>
          )}
        </div>
      ) : null}
      <ConfirmDialog
        title={t('duty.form.submitTitle')}
        message={isSubmitOpen ? t('duty.form.submitMessage') : null}
        confirmLabel={t('duty.form.submit')}
        onClose={() => setSubmitOpen(false)}
        onConfirm={async () => {
          await api.duty.submit({ year });
          onChanged();
        }}
      />
    </section>
  );
}
