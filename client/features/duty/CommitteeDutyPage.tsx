import { lazy, type ReactElement, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CommitteeDutyAnswer } from '../../../shared/api/duty';
import type { Me } from '../../../shared/api/schemas';
import { Action, can, type GroupId } from '../../../shared/index';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { Page } from '../shell/Page';
import { CorrectionsInbox } from './CorrectionsInbox';
import { committeeSummary } from './committeeTable';
import { managesDuty } from './dutyAccess';
import { MembersTable } from './MembersTable';
import { useYearParam, YearPicker } from './YearPicker';

// ECharts comes with the charts only, as on the figures page.
const DutyCharts = lazy(() => import('./DutyCharts').then((module) => ({ default: module.DutyCharts })));

const QUARTERS = [1, 2, 3, 4] as const;

function Tiles({ answer }: { readonly answer: CommitteeDutyAnswer }): ReactElement {
  const { t } = useTranslation();
  const summary = committeeSummary(answer.rows);
  const tiles = [
    { key: 'members', value: summary.members, isAlert: false },
    { key: 'average', value: summary.averageTotal, isAlert: false },
    { key: 'flagged', value: summary.flagged, isAlert: summary.flagged > 0 },
    { key: 'excellent', value: summary.byLevel.excellent, isAlert: false },
    { key: 'competent', value: summary.byLevel.competent, isAlert: false },
    { key: 'basic', value: summary.byLevel.basic, isAlert: false },
    { key: 'unqualified', value: summary.byLevel.unqualified, isAlert: summary.byLevel.unqualified > 0 },
  ] as const;
  return (
    <dl className="figures-tiles duty-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className={tile.isAlert ? 'figures-tile is-alert' : 'figures-tile'} data-tile={tile.key}>
          <dt>{t(`duty.committee.tiles.${tile.key}`)}</dt>
          <dd className="figures-tile-value">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The groups the filter offers: every group for the office and chairs, a convener's own for a convener. */
function filterGroups(me: Me, groups: readonly { id: GroupId; name: string }[]) {
  return can(me, Action.viewCommitteeDuty, { type: 'committee' })
    ? [...groups]
    : groups.filter((group) => can(me, Action.viewDutyRecords, { type: 'group', groupId: group.id }));
}

/**
 * `/duty/committee` (履职考核): the members a convener, the office or a chair may see, by year,
 * quarter and group: tiles, charts, the sortable table with its flags and actions, the exports
 * and the correction requests addressed to the caller.
 */
export function CommitteeDutyPage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const workspace = useWorkspace();
  const [year, setYear] = useYearParam();
  const [quarter, setQuarter] = useState<number | null>(null);
  const [groupId, setGroupId] = useState<GroupId | null>(null);
  const data = useApiData(
    useCallback(() => api.duty.committee({ year, groupId, quarter }), [api, year, groupId, quarter]),
  );
  const answer = data.status === 'ready' ? data.value : null;
  const groups = filterGroups(me, workspace?.groups ?? []);
  return (
    <Page title={t('duty.committee.title')} className="is-wide duty-page">
      <div className="page-head">
        <h1>{t('duty.committee.title')}</h1>
        {managesDuty(me) ? (
          <Link className="button" href={`/duty/rules?year=${year}`}>
            {t('duty.committee.rulesLink')}
          </Link>
        ) : null}
      </div>
      <p className="section-note">{t('duty.committee.lead')}</p>
      <div className="duty-filters">
        <YearPicker year={year} onChange={setYear} />
        <label className="duty-filter">
          <span>{t('duty.committee.quarter')}</span>
          <select
            value={quarter ?? ''}
            onChange={(event) => setQuarter(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t('duty.committee.wholeYear')}</option>
            {QUARTERS.map((n) => (
              <option key={n} value={n}>
                {t('duty.committee.quarterN', { n })}
              </option>
            ))}
          </select>
        </label>
        <label className="duty-filter">
          <span>{t('duty.committee.group')}</span>
          <select
            value={groupId ?? ''}
            onChange={(event) => setGroupId(event.target.value === '' ? null : (event.target.value as GroupId))}
          >
            <option value="">{t('duty.committee.allGroups')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isOnline ? null : <p className="notice is-warning">{t('duty.needsOnline')}</p>}
      <FormError message={data.status === 'failed' ? errorText(data.error, t) : null} />
      {data.status === 'loading' ? <p className="empty-note">{t('common.loading')}</p> : null}
      {answer === null ? null : (
        <>
          {answer.closed ? <p className="notice is-info">{t('duty.committee.closed')}</p> : null}
          <Tiles answer={answer} />
          <div className="figures-export">
            <a className="button" href={api.duty.formsZipPath({ year, groupId })} download>
              {t('duty.committee.exportForms')}
            </a>
            <a className="button" href={api.duty.scoresXlsxPath({ year, groupId, quarter })} download>
              {t('duty.committee.exportScores')}
            </a>
          </div>
          <MembersTable answer={answer} onChanged={data.reload} />
          <Suspense fallback={<p className="empty-note">{t('duty.committee.charts.loading')}</p>}>
            <DutyCharts answer={answer} />
          </Suspense>
        </>
      )}
      <CorrectionsInbox year={year} />
    </Page>
  );
}
