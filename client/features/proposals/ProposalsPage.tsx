import { type ReactElement, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { Action, can, DOC_KINDS, DOC_STATUSES, documentTarget } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import { categoryName } from '../../../shared/domain/categories';
import { CaseStage } from '../../../shared/domain/handling';
import { loadUnits } from '../../core/committee';
import { errorText } from '../../ui/errorText';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { DocStatusTag } from '../docs/DocStatusTag';
import { useCategories } from '../fields/useFields';
import { dateText, numberText } from '../handling/caseModel';
import { Page } from '../shell/Page';
import { useRefreshOnOpen } from '../shell/useRefreshOnOpen';
import {
  buildRows,
  DEFAULT_QUERY,
  nextSort,
  PROPOSAL_SORT_KEYS,
  type ProposalQuery,
  type ProposalRow,
  type ProposalSortKey,
  parseProposalQuery,
  proposalRows,
  serializeProposalQuery,
} from './proposalList';

const STAGES: readonly CaseStage[] = Object.values(CaseStage);

/** The view in the address: read from it, and changed by going to a new one (back and forward work). */
function useProposalQuery(): [ProposalQuery, (next: ProposalQuery, options?: { replace?: boolean }) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseProposalQuery(search), [search]);
  const change = useCallback(
    (next: ProposalQuery, options?: { replace?: boolean }) => {
      const text = serializeProposalQuery(next);
      navigate(text === '' ? '/proposals' : `/proposals?${text}`, { replace: options?.replace ?? false });
    },
    [navigate],
  );
  return [query, change];
}

function SelectFilter({
  label,
  value,
  allLabel,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: string | null;
  readonly allLabel: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string | null) => void;
}): ReactElement {
  return (
    <select
      className="select"
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function SortHeader({
  column,
  query,
  onSort,
}: {
  readonly column: ProposalSortKey;
  readonly query: ProposalQuery;
  readonly onSort: (key: ProposalSortKey) => void;
}): ReactElement {
  const { t } = useTranslation();
  const isSorted = query.sort.key === column;
  const label = t(`proposals.col.${column}`);
  return (
    <th
      scope="col"
      aria-sort={isSorted ? (query.sort.isDescending ? 'descending' : 'ascending') : 'none'}
      className={`col-${column}`}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column)}
        title={t('proposals.sortBy', { column: label })}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {isSorted ? (query.sort.isDescending ? '↓' : '↑') : ''}
        </span>
      </button>
    </th>
  );
}

function ProposalRowView({ row, language }: { readonly row: ProposalRow; readonly language: string }): ReactElement {
  const { t } = useTranslation();
  const { record } = row;
  const number = row.case === null ? null : numberText(row.case.case);
  return (
    <tr data-doc-id={record.id} className={record.isArchived ? 'is-archived' : undefined}>
      <td className="cell-number">
        {number === null ? <span className="muted only-wide">—</span> : <span className="case-number">{number}</span>}
      </td>
      <td className="cell-title">
        <Link href={`/d/${record.id}`} className="doc-link">
          {record.title === '' ? <span className="untitled">{t('common.untitled')}</span> : record.title}
        </Link>
        {record.kind === 'proposal' ? null : <span className="kind-tag">{t(`kind.${record.kind}`)}</span>}
      </td>
      <td className="cell-proposer">{row.proposerName}</td>
      <td className="cell-group">{row.record.groupId === null ? t('proposals.noGroup') : row.groupName}</td>
      <td className="cell-category">
        {row.categoryId === null ? null : <span className="category-tag">{row.categoryName || row.categoryId}</span>}
      </td>
      <td className="cell-status">
        <DocStatusTag status={record.status} isArchived={record.isArchived} />
        {row.case === null || row.case.stage === CaseStage.other ? null : (
          <span className={`case-stage is-${row.case.stage}`}>{t(`handling.stage.${row.case.stage}`)}</span>
        )}
        {row.case?.isOverdue === true ? <span className="case-overdue">{t('handling.overdue')}</span> : null}
      </td>
      <td className="cell-units">
        {row.unitNames.length === 0 ? null : (
          <>
            <span className="only-narrow">{t('proposals.col.units')}：</span>
            {row.unitNames.map((name) => name || '—').join('、')}
          </>
        )}
      </td>
      <td className="cell-time">{dateText(record.createdAt, language)}</td>
    </tr>
  );
}

/**
 * `/proposals` (全部提案): every document of the workspace the person reads, of the chosen kinds,
 * with the numbers, stages and units of their cases when online; filters and order in the address.
 * For chairs and the secretariat (P19); works offline from the device's copy.
 */
export function ProposalsPage({ me }: { readonly me: Me }): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const workspace = useWorkspace();
  const isOnline = useOnline();
  const categories = useCategories();
  const [query, setQuery] = useProposalQuery();
  useRefreshOnOpen('proposals');
  const cases = useApiData(useCallback(() => api.handling.listCases(), [api]));
  const units = useApiData(useCallback(() => loadUnits(api), [api]));
  const unitList = units.status === 'ready' && units.value.status === 'available' ? units.value.units : [];
  const rows = useMemo(() => {
    const groups = new Map((workspace?.groups ?? []).map((group) => [group.id as string, group.name]));
    const people = new Map((workspace?.people ?? []).map((person) => [person.id as string, person.name]));
    const unitNames = new Map(unitList.map((unit) => [unit.id as string, unit.name]));
    const readable = (workspace?.docs ?? []).filter((doc) => can(me, Action.readDocument, documentTarget(doc)));
    return buildRows(readable, cases.status === 'ready' ? cases.value : [], {
      person: (id) => people.get(id) ?? null,
      group: (id) => groups.get(id) ?? null,
      category: (id) => categoryName(categories, id),
      unit: (id) => unitNames.get(id) ?? null,
    });
  }, [workspace, cases, unitList, categories, me]);
  const shown = proposalRows(rows, query);
  const set = (change: Partial<ProposalQuery>, options?: { replace?: boolean }) =>
    setQuery({ ...query, ...change }, options);
  const toggleKind = (kind: (typeof DOC_KINDS)[number], isOn: boolean) => {
    const kinds = DOC_KINDS.filter((each) => (each === kind ? isOn : query.kinds.includes(each)));
    if (kinds.length > 0) {
      set({ kinds });
    }
  };
  return (
    <Page title={t('proposals.title')} className="is-wide">
      <div className="page-head">
        <h1>{t('proposals.title')}</h1>
      </div>
      <p className="section-note">{t('proposals.lead')}</p>
      {isOnline ? null : <p className="notice is-warning">{t('proposals.offline')}</p>}
      {isOnline && cases.status === 'failed' ? (
        <p className="notice is-warning">{t('proposals.casesFailed', { error: errorText(cases.error, t) })}</p>
      ) : null}
      <fieldset className="filters proposals-filters">
        <legend className="visually-hidden">{t('proposals.filters')}</legend>
        <fieldset className="kind-checks">
          <legend className="visually-hidden">{t('proposals.kinds')}</legend>
          {DOC_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={query.kinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.target.checked)}
              />
              {t(`kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <input
          className="search"
          type="search"
          placeholder={t('proposals.search')}
          aria-label={t('proposals.searchLabel')}
          value={query.text}
          onChange={(e) => set({ text: e.target.value }, { replace: true })}
        />
        <SelectFilter
          label={t('proposals.status')}
          value={query.status}
          allLabel={t('proposals.allStatuses')}
          options={DOC_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          onChange={(value) => set({ status: parseStatus(value) })}
        />
        <SelectFilter
          label={t('proposals.stage')}
          value={query.stage}
          allLabel={t('proposals.allStages')}
          options={STAGES.filter((stage) => stage !== CaseStage.other).map((stage) => ({
            value: stage,
            label: t(`handling.stage.${stage}`),
          }))}
          onChange={(value) => set({ stage: STAGES.find((stage) => stage === value) ?? null })}
        />
        <SelectFilter
          label={t('proposals.group')}
          value={query.group}
          allLabel={t('proposals.allGroups')}
          options={(workspace?.groups ?? []).map((group) => ({ value: group.id, label: group.name }))}
          onChange={(value) => set({ group: value })}
        />
        <SelectFilter
          label={t('proposals.category')}
          value={query.category}
          allLabel={t('proposals.allCategories')}
          options={categories.map((category) => ({ value: category.id, label: category.name }))}
          onChange={(value) => set({ category: value })}
        />
        <SelectFilter
          label={t('proposals.unit')}
          value={query.unit}
          allLabel={t('proposals.allUnits')}
          options={unitList.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value) => set({ unit: value })}
        />
        <span className="date-range">
          <label>
            {t('proposals.from')}{' '}
            <input
              type="date"
              className="select date-input"
              value={query.from ?? ''}
              onChange={(e) => set({ from: e.target.value === '' ? null : e.target.value })}
            />
          </label>
          <label>
            {t('proposals.to')}{' '}
            <input
              type="date"
              className="select date-input"
              value={query.to ?? ''}
              onChange={(e) => set({ to: e.target.value === '' ? null : e.target.value })}
            />
          </label>
        </span>
        <label className="check">
          <input
            type="checkbox"
            checked={query.showArchived}
            onChange={(e) => set({ showArchived: e.target.checked })}
          />
          {t('proposals.showArchived')}
        </label>
        <select
          className="select only-narrow"
          aria-label={t('proposals.sort')}
          value={`${query.sort.isDescending ? '-' : ''}${query.sort.key}`}
          onChange={(e) => set({ sort: parseProposalQuery(`sort=${encodeURIComponent(e.target.value)}`).sort })}
        >
          {PROPOSAL_SORT_KEYS.flatMap((key) =>
            [false, true].map((isDescending) => (
              <option key={`${key}${isDescending}`} value={`${isDescending ? '-' : ''}${key}`}>
                {t('proposals.sortBy', { column: t(`proposals.col.${key}`) })}
                {isDescending ? ' ↓' : ' ↑'}
              </option>
            )),
          )}
        </select>
        <button type="button" className="button is-small is-quiet" onClick={() => setQuery(DEFAULT_QUERY)}>
          {t('proposals.clear')}
        </button>
      </fieldset>
      <p className="proposals-count" aria-live="polite">
        {t('proposals.count', { count: shown.length })}
      </p>
      {workspace === null ? (
        <p className="empty-note">{t('proposals.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty-state">{t('proposals.empty')}</p>
      ) : (
        <div className="proposals-scroll">
          <table className="doc-table proposals-table">
            <thead>
              <tr>
                {PROPOSAL_SORT_KEYS.map((column) => (
                  <SortHeader
                    key={column}
                    column={column}
                    query={query}
                    onSort={(key) => set({ sort: nextSort(query.sort, key) })}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <ProposalRowView key={row.record.id} row={row} language={i18n.language} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function parseStatus(value: string | null): ProposalQuery['status'] {
  return DOC_STATUSES.find((status) => status === value) ?? null;
}
