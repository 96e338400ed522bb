import { type ReactElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Workspace } from '../../../shared/api/schemas';
import { errorText } from '../../ui/errorText';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { byNumber, dateText, numberText } from './caseModel';

/**
 * A handling unit's home: the proposals handed to its unit, by number, with where each stands
 * and its deadline, late ones marked (P16).
 */
export function UnitCases({ workspace }: { readonly workspace: Workspace | null }): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const cases = useApiData(useCallback(async () => [...(await api.handling.listCases())].sort(byNumber), [api]));
  const titles = new Map((workspace?.docs ?? []).map((doc) => [doc.id, doc.title || t('common.untitled')]));
  return (
    <section className="home-section" aria-labelledby="home-unit-cases">
      <h2 id="home-unit-cases">{t('handling.unitHome')}</h2>
      <p className="section-note">{t('handling.unitLead')}</p>
      {cases.status === 'failed' ? (
        <p className="empty-note">{isOnline ? errorText(cases.error, t) : t('handling.offline')}</p>
      ) : null}
      {cases.status === 'ready' && cases.value.length === 0 ? (
        <p className="empty-note">{t('handling.unitHomeEmpty')}</p>
      ) : null}
      {cases.status === 'ready' ? (
        <ul className="desk-list">
          {cases.value.map((answer) => (
            <li key={answer.case.docId} className="desk-row">
              <span className="case-number">{numberText(answer.case) ?? '—'}</span>
              <Link href={`/d/${answer.case.docId}`} className="desk-title">
                {titles.get(answer.case.docId) ?? '—'}
              </Link>
              <span className={`case-stage is-${answer.stage}`}>{t(`handling.stage.${answer.stage}`)}</span>
              {answer.case.deadline === null ? null : (
                <span className="case-note">
                  {t('handling.deadline', { date: dateText(answer.case.deadline, i18n.language) })}
                </span>
              )}
              {answer.isOverdue ? <span className="case-overdue">{t('handling.overdue')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
