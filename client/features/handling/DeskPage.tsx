import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CaseAnswer } from '../../../shared/api/handling';
import type { DocRecord } from '../../../shared/api/schemas';
import type { CaseStage } from '../../../shared/domain/handling';
import { DocStatus } from '../../../shared/index';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { peopleById } from '../docs/peopleNames';
import { Page } from '../shell/Page';
import { useRefreshOnOpen } from '../shell/useRefreshOnOpen';
import { byNumber, dateText, numberText } from './caseModel';
import { type Decision, DecisionDialog } from './DecisionDialog';

/** The desk's sections of cases, in the order the office works them. */
const SECTIONS: readonly CaseStage[] = [
  'awaiting_handover',
  'needs_reassign',
  'handling',
  'answered',
  'closed',
  'other',
];

/**
 * `/desk` (提案办理): the secretariat's desk. Approved proposals wait for the office's decision
 * (立案, 不予立案, 并案); filed ones are listed by where their handling stands, each opening its
 * document, whose 办理 tab hands it over, reminds and shows the answers (P12, P17).
 */
export function DeskPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { workspace: runtime } = useAccount();
  const workspace = useWorkspace();
  const isOnline = useOnline();
  useRefreshOnOpen('desk');
  const data = useApiData(
    useCallback(async () => {
      const [cases, sessions] = await Promise.all([api.handling.listCases(), api.handling.listSessions()]);
      return { cases: [...cases].sort(byNumber), sessions };
    }, [api]),
  );
  const [decision, setDecision] = useState<{ kind: Decision; record: DocRecord } | null>(null);
  const docs = workspace?.docs ?? [];
  const titles = new Map(docs.map((doc) => [doc.id, doc.title || t('common.untitled')]));
  const names = peopleById(workspace?.people ?? []);
  const approved = docs.filter((doc) => doc.status === DocStatus.approved && !doc.isArchived);
  const cases = data.status === 'ready' ? data.value.cases : [];
  const filedOf = (record: DocRecord) =>
    cases
      .filter(
        (each) => each.case.outcome === 'filed' && docs.find((doc) => doc.id === each.case.docId)?.kind === record.kind,
      )
      .map((answer) => ({ answer, title: titles.get(answer.case.docId) ?? '—' }));
  const caseRow = (answer: CaseAnswer): ReactElement => (
    <li key={answer.case.docId} className="desk-row">
      <span className="case-number">{numberText(answer.case) ?? '—'}</span>
      <Link href={`/d/${answer.case.docId}`} className="desk-title">
        {titles.get(answer.case.docId) ?? '—'}
      </Link>
      {answer.case.isKey ? <span className="case-key">{t('handling.key')}</span> : null}
      {answer.case.deadline === null ? null : (
        <span className="case-note">
          {t('handling.deadline', { date: dateText(answer.case.deadline, i18n.language) })}
        </span>
      )}
      {answer.isOverdue ? <span className="case-overdue">{t('handling.overdue')}</span> : null}
    </li>
  );
  return (
    <Page title={t('handling.deskTitle')} className="is-wide">
      <div className="page-head">
        <h1>{t('handling.deskTitle')}</h1>
      </div>
      <p className="section-note">{t('handling.deskLead')}</p>
      {data.status === 'ready' && data.value.sessions.length > 0 ? (
        <div className="desk-compilations">
          <span>{t('handling.compilation')}</span>
          {data.value.sessions.map((session) => (
            <a
              key={session.id}
              className="button is-small"
              href={`/api/sessions/${encodeURIComponent(session.id)}/compilation`}
              download={`${session.name}提案汇编.docx`}
            >
              {session.name}
            </a>
          ))}
        </div>
      ) : null}
      {isOnline ? null : <p className="notice is-warning">{t('handling.needsOnline')}</p>}
      <FormError message={data.status === 'failed' ? errorText(data.error, t) : null} />
      <section className="card desk-section" aria-labelledby="desk-approved">
        <h2 id="desk-approved">
          {t('handling.deskSections.approved')} <span className="count-badge">{approved.length}</span>
        </h2>
        {approved.length === 0 ? <p className="empty-note">{t('handling.deskEmpty')}</p> : null}
        <ul className="desk-list">
          {approved.map((record) => (
            <li key={record.id} className="desk-row">
              <Link href={`/d/${record.id}`} className="desk-title">
                {record.title || t('common.untitled')}
              </Link>
              <span className="case-note">
                {record.createdBy === null ? '' : (names.get(record.createdBy)?.name ?? '')}
              </span>
              <span className="desk-actions">
                {(['file', 'reject', 'merge'] as const).map((kind) => (
                  <button
                    key={kind}
                    type="button"
                    className={kind === 'file' ? 'button is-primary is-small' : 'button is-small'}
                    disabled={!isOnline}
                    onClick={() => setDecision({ kind, record })}
                  >
                    {t(`handling.actions.${kind}`)}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {SECTIONS.map((stage) => {
        const inStage = cases.filter((answer) => answer.stage === stage);
        return (
          <section key={stage} className="card desk-section" aria-labelledby={`desk-${stage}`}>
            <h2 id={`desk-${stage}`}>
              {t(`handling.deskSections.${stage}`)} <span className="count-badge">{inStage.length}</span>
            </h2>
            {inStage.length === 0 ? <p className="empty-note">{t('handling.deskEmpty')}</p> : null}
            <ul className="desk-list">{inStage.map(caseRow)}</ul>
          </section>
        );
      })}
      <DecisionDialog
        decision={decision}
        sessions={data.status === 'ready' ? data.value.sessions : []}
        filed={decision === null ? [] : filedOf(decision.record)}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          data.reload();
          runtime.refreshInBackground('desk.decided');
        }}
      />
    </Page>
  );
}
