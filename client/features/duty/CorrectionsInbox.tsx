import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { correctionInboxSchema } from '../../../shared/api/duty';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { dateText } from '../handling/caseModel';
import { DutyNoteDialog } from './DutyNoteDialog';

type Request = ReturnType<typeof correctionInboxSchema.parse>['corrections'][number];

/** The correction requests of the year addressed to the caller (B4), each answered 接受 or 不接受 with a text. */
export function CorrectionsInbox({ year }: { readonly year: number }): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const data = useApiData(useCallback(() => api.duty.corrections(year), [api, year]));
  const [answering, setAnswering] = useState<{ request: Request; accepted: boolean } | null>(null);
  const requests = data.status === 'ready' ? data.value : [];
  return (
    <section className="card duty-inbox" aria-labelledby="duty-inbox-title">
      <h2 id="duty-inbox-title">{t('duty.committee.inbox.title')}</h2>
      <FormError message={data.status === 'failed' ? errorText(data.error, t) : null} />
      {data.status === 'loading' ? <p className="empty-note">{t('common.loading')}</p> : null}
      {data.status === 'ready' && requests.length === 0 ? (
        <p className="empty-note">{t('duty.committee.inbox.empty')}</p>
      ) : null}
      <ul className="duty-notes">
        {requests.map((each) => (
          <li key={each.request.id} data-correction={each.request.id}>
            <div className="duty-note-head">
              <strong>
                <Link href={`/duty/members/${each.userId}?year=${each.year}`}>
                  {t('duty.committee.inbox.about', {
                    name: each.name,
                    year: each.year,
                    fact: each.factTitle ?? t('duty.committee.inbox.missing'),
                  })}
                </Link>
              </strong>
              <small>{t('duty.correction.askedAt', { date: dateText(each.request.askedAt, i18n.language) })}</small>
            </div>
            <p>{each.request.message}</p>
            <div className="duty-form-actions">
              <button
                type="button"
                className="button is-small is-primary"
                onClick={() => setAnswering({ request: each, accepted: true })}
              >
                {t('duty.committee.inbox.accept')}
              </button>
              <button
                type="button"
                className="button is-small"
                onClick={() => setAnswering({ request: each, accepted: false })}
              >
                {t('duty.committee.inbox.refuse')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <DutyNoteDialog
        isOpen={answering !== null}
        title={t('duty.committee.inbox.answerTitle')}
        noteLabel={t('duty.committee.inbox.text')}
        confirmLabel={t(answering?.accepted === false ? 'duty.committee.inbox.refuse' : 'duty.committee.inbox.accept')}
        isDanger={answering?.accepted === false}
        onClose={() => setAnswering(null)}
        onSubmit={async ({ note }) => {
          if (answering === null) {
            return;
          }
          const { request, accepted } = answering;
          await api.duty.answerCorrection(request.userId, request.request.id, {
            year: request.year,
            accepted,
            text: note,
          });
          data.reload();
        }}
      >
        {answering === null ? null : <p className="dialog-prompt">{answering.request.request.message}</p>}
      </DutyNoteDialog>
    </section>
  );
}
