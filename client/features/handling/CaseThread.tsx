import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer, Unit } from '../../../shared/api/handling';
import type { Person } from '../../../shared/api/schemas';
import type { DocId } from '../../../shared/index';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { formatTime } from '../docs/formatTime';
import { personNameOf, unitNameOf } from './caseModel';

/** The thread between a proposal's units and its proposers (H8): only its parties see it. */
export function CaseThread(props: {
  readonly docId: DocId;
  readonly answer: CaseAnswer;
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
  readonly canWrite: boolean;
  readonly onChanged: (next: CaseAnswer) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction();
  const [text, setText] = useState('');
  const now = Date.now();
  const { messages } = props.answer.case;
  return (
    <section className="case-thread" aria-label={t('handling.thread')}>
      <h3>{t('handling.thread')}</h3>
      <p className="case-note">{t('handling.threadHint')}</p>
      {messages.length === 0 ? <p className="empty-note">{t('handling.threadEmpty')}</p> : null}
      <ul className="case-messages">
        {messages.map((message) => (
          <li key={message.id} className="case-message">
            <span className="case-message-author">
              {personNameOf(props.people, message.authorId)}
              {message.unitId === null ? null : `（${unitNameOf(props.units, message.unitId)}）`}
            </span>
            <time className="case-note">{formatTime(message.at, now, i18n.language, t)}</time>
            <p>{message.text}</p>
          </li>
        ))}
      </ul>
      {props.canWrite ? (
        <form
          className="case-form is-inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() !== '') {
              action.run(
                () => api.handling.step(props.docId, 'messages', { text: text.trim() }),
                (next) => {
                  setText('');
                  props.onChanged(next);
                },
              );
            }
          }}
        >
          <input
            value={text}
            aria-label={t('handling.messagePlaceholder')}
            placeholder={t('handling.messagePlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button" disabled={action.isBusy || text.trim() === ''}>
            {t('handling.actions.send')}
          </button>
        </form>
      ) : null}
      <FormError message={action.error} />
    </section>
  );
}
