import { type FormEvent, type ReactElement, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { adoptionListSchema } from '../../../shared/api/attachments';
import type { DocRecord, Me, Person } from '../../../shared/api/schemas';
import {
  ADOPTION_LEVELS,
  ADOPTION_TYPES,
  type AdoptionLevel,
  type AdoptionType,
} from '../../../shared/domain/adoptions';
import { AttachmentKind } from '../../../shared/domain/attachments';
import { Action, can, type DocId, documentTarget } from '../../../shared/index';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { dateInputValue, dateText, personNameOf } from '../handling/caseModel';
import { AttachmentLink } from './AttachmentLink';
import { type ChosenFile, FileField } from './FileField';
import { uploadErrorText } from './uploadErrorText';
import { newestFirst, startOfDay } from './uploadModel';

type AdoptionList = ReturnType<(typeof adoptionListSchema)['parse']>;

/**
 * 采用情况: the use made of a social-conditions or research report — forwarded, adopted in a
 * bulletin, a leader's instruction — each with its evidence; the secretariat records and removes
 * them (RULES.md P20, U1-U3). Online only: the records are the server's.
 */
export function AdoptionPanel(props: {
  readonly docId: DocId;
  readonly record: DocRecord;
  readonly me: Me;
  readonly people: readonly Person[];
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const [changed, setChanged] = useState<AdoptionList | null>(null);
  const loaded = useApiData<AdoptionList>(
    useCallback(async () => {
      const list = await api.attachments.listAdoptions(props.docId);
      setChanged(null);
      return list;
    }, [api, props.docId]),
  );
  const remove = useBusyAction();
  const canRecord = can(props.me, Action.recordAdoption, documentTarget(props.record));
  if (loaded.status === 'loading') {
    return <p className="empty-note">{t('attachments.loading')}</p>;
  }
  if (loaded.status === 'failed') {
    return <p className="empty-note">{isOnline ? errorText(loaded.error, t) : t('attachments.offline')}</p>;
  }
  const list = changed ?? loaded.value;
  const records = newestFirst(list.records);
  return (
    <section className="adoption-panel" aria-label={t('attachments.title')}>
      <p className="case-note">{t('attachments.lead')}</p>
      {records.length === 0 ? <p className="empty-note">{t('attachments.empty')}</p> : null}
      <ul className="adoption-list">
        {records.map((each) => {
          const evidence = list.attachments.find((file) => file.id === each.evidenceAttachmentId);
          return (
            <li key={each.id} className={`adoption-item is-${each.type}`}>
              <div className="adoption-head">
                <span className="adoption-type">{t(`attachments.type.${each.type}`)}</span>
                <span className="adoption-level">
                  {each.type === 'adopted'
                    ? t(`attachments.adoptedLevel.${each.level}`)
                    : t(`attachments.level.${each.level}`)}
                </span>
                <span className="case-note">{dateText(each.at, i18n.language)}</span>
              </div>
              <p className="adoption-by">{each.by}</p>
              {each.note === '' ? null : <p className="case-note">{each.note}</p>}
              {evidence === undefined ? null : (
                <AttachmentLink docId={props.docId} attachment={evidence} label={t('attachments.evidence')} />
              )}
              <div className="adoption-foot">
                <small className="case-note">
                  {t('attachments.recordedBy', { name: personNameOf(props.people, each.recordedBy) })}
                </small>
                {canRecord ? (
                  <button
                    type="button"
                    className="button is-small"
                    disabled={remove.isBusy}
                    onClick={() => {
                      if (window.confirm(t('attachments.removeConfirm'))) {
                        remove.run(() => api.attachments.removeAdoption(props.docId, each.id), setChanged);
                      }
                    }}
                  >
                    {t('attachments.remove')}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <FormError message={remove.error} />
      {canRecord ? <AdoptionForm docId={props.docId} onRecorded={setChanged} /> : null}
    </section>
  );
}

/** The secretariat's form: what happened, at which level, by whom, when, and its evidence. */
function AdoptionForm(props: { readonly docId: DocId; readonly onRecorded: (list: AdoptionList) => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction((err) => uploadErrorText(err, t));
  const [type, setType] = useState<AdoptionType>('adopted');
  const [level, setLevel] = useState<AdoptionLevel>('city');
  const [by, setBy] = useState('');
  const [day, setDay] = useState(() => dateInputValue(Date.now()));
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<ChosenFile | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const byId = useId();
  const dayId = useId();
  const noteId = useId();
  const at = startOfDay(day);
  const canSend = by.trim() !== '' && at !== null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!canSend) {
      return;
    }
    // The evidence is uploaded first, then the record cites it.
    const send = async () => {
      const uploaded =
        evidence === null
          ? null
          : await api.attachments.upload(
              props.docId,
              AttachmentKind.evidence,
              evidence.file,
              evidence.file.name,
              evidence.mediaType,
            );
      return api.attachments.recordAdoption(props.docId, {
        type,
        level,
        by: by.trim(),
        at,
        note: note.trim(),
        evidenceAttachmentId: uploaded?.id ?? null,
      });
    };
    action.run(send, (list) => {
      setBy('');
      setNote('');
      setEvidence(null);
      setResetKey((n) => n + 1);
      props.onRecorded(list);
    });
  };
  return (
    <form className="case-form adoption-form" onSubmit={submit}>
      <fieldset className="case-choices">
        <legend>{t('attachments.typeLabel')}</legend>
        {ADOPTION_TYPES.map((each) => (
          <label key={each} className="choice">
            <input
              type="radio"
              name="adoption-type"
              value={each}
              checked={type === each}
              onChange={() => setType(each)}
            />
            {t(`attachments.type.${each}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="case-choices">
        <legend>{t('attachments.levelLabel')}</legend>
        {ADOPTION_LEVELS.map((each) => (
          <label key={each} className="choice">
            <input
              type="radio"
              name="adoption-level"
              value={each}
              checked={level === each}
              onChange={() => setLevel(each)}
            />
            {type === 'adopted' ? t(`attachments.adoptedLevel.${each}`) : t(`attachments.level.${each}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={byId}>{t('attachments.byLabel')}</label>
      <input
        id={byId}
        type="text"
        value={by}
        maxLength={200}
        placeholder={t('attachments.byPlaceholder')}
        onChange={(e) => setBy(e.target.value)}
      />
      <label htmlFor={dayId}>{t('attachments.atLabel')}</label>
      <input id={dayId} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      <label htmlFor={noteId}>{t('attachments.noteLabel')}</label>
      <textarea id={noteId} rows={2} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <FileField
        kind={AttachmentKind.evidence}
        label={t('attachments.evidenceLabel')}
        chosen={evidence}
        onChosen={setEvidence}
        resetKey={resetKey}
      />
      <button type="submit" className="button is-primary" disabled={action.isBusy || !canSend}>
        {action.isBusy && evidence !== null ? t('attachments.uploading') : t('attachments.record')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}
