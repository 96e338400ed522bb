import { type ReactElement, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { DOC_KINDS } from '../../../shared/domain/documentSchema';
import { DocStatus } from '../../../shared/domain/roles';
import { MAX_SEARCH_RESULTS, type SearchFilters, type SearchHit, type SearchService, SearchStatus } from '../../search';
import { useStore } from '../../ui/hooks/useStore';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useAccount } from '../../ui/services/useServices';
import { Page } from '../shell/Page';
import { SearchResults } from './SearchResults';
import { SEARCH_INPUT_ID } from './searchShortcut';

/** Typing pauses this long before a search runs: each search is quick, but a keystroke need not wait for one. */
const SEARCH_DELAY_MS = 120;

interface FilterValues {
  readonly kind: string;
  readonly status: string;
  readonly groupId: string;
  readonly year: string;
}

const NO_FILTERS: FilterValues = { kind: '', status: '', groupId: '', year: '' };

function filtersOf(values: FilterValues): SearchFilters {
  return {
    kind: values.kind === '' ? null : values.kind,
    status: values.status === '' ? null : values.status,
    groupId: values.groupId === '' ? null : values.groupId,
    year: values.year === '' ? null : Number(values.year),
  };
}

/** The results of `query` with `filters`, searched again whenever either or the index changes. */
function useHits(service: SearchService, query: string, filters: FilterValues): readonly SearchHit[] | null {
  const state = useStore(service.state);
  const [hits, setHits] = useState<readonly SearchHit[] | null>(null);
  // Searched again as the index grows or becomes ready, so that results fill in while it is built.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the index's state is the reason to search again, not an input
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      service.search(query, filtersOf(filters)).then(
        (found) => isCurrent && setHits(found),
        () => isCurrent && setHits([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [service, query, filters, state.indexed, state.status]);
  return query.trim() === '' ? null : hits;
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly (readonly [string, string])[];
}): ReactElement {
  return (
    <label className="search-filter">
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} aria-label={label}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function StatusLine({ service }: { readonly service: SearchService }): ReactElement | null {
  const { t } = useTranslation();
  const state = useStore(service.state);
  if (state.status === SearchStatus.starting) {
    return <p className="search-state">{t('search.starting')}</p>;
  }
  if (state.status === SearchStatus.building && state.pending > 0) {
    return <p className="search-state">{t('search.building', { count: state.pending })}</p>;
  }
  if (state.status === SearchStatus.failed) {
    return <p className="search-state is-error">{t('search.failed')}</p>;
  }
  return null;
}

function SearchForm({ service }: { readonly service: SearchService }): ReactElement {
  const { t } = useTranslation();
  const initial = new URLSearchParams(useSearch()).get('q') ?? '';
  const [query, setQuery] = useState(initial);
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const workspace = useWorkspace();
  const groups = workspace?.groups ?? [];
  const years = useMemo(
    () =>
      [...new Set((workspace?.docs ?? []).map((doc) => new Date(doc.createdAt).getFullYear()))].sort((a, b) => b - a),
    [workspace],
  );
  const hits = useHits(service, query, filters);
  useEffect(() => {
    // The address keeps the query, so that going back from a result shows the same results.
    const url = new URL(window.location.href);
    url.searchParams.set('q', query);
    window.history.replaceState(window.history.state, '', url);
  }, [query]);
  const set = (key: keyof FilterValues) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const isFiltered = filters !== NO_FILTERS && Object.values(filters).some((value) => value !== '');
  return (
    <>
      <search className="search-form">
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          className="search-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          // biome-ignore lint/a11y/noAutofocus: the page exists to type a query; opening it with / or Ctrl+K expects the cursor there
          autoFocus
        />
        <fieldset className="search-filters">
          <legend className="visually-hidden">{t('search.filters')}</legend>
          <Select
            label={t('search.kindFilter')}
            value={filters.kind}
            onChange={set('kind')}
            options={[['', t('search.anyKind')], ...DOC_KINDS.map((kind) => [kind, t(`kind.${kind}`)] as const)]}
          />
          <Select
            label={t('search.statusFilter')}
            value={filters.status}
            onChange={set('status')}
            options={[
              ['', t('search.anyStatus')],
              ...Object.values(DocStatus).map((status) => [status, t(`status.${status}`)] as const),
            ]}
          />
          <Select
            label={t('search.groupFilter')}
            value={filters.groupId}
            onChange={set('groupId')}
            options={[['', t('search.anyGroup')], ...groups.map((group) => [group.id, group.name] as const)]}
          />
          <Select
            label={t('search.yearFilter')}
            value={filters.year}
            onChange={set('year')}
            options={[['', t('search.anyYear')], ...years.map((year) => [String(year), String(year)] as const)]}
          />
        </fieldset>
      </search>
      <StatusLine service={service} />
      {hits === null ? (
        <p className="search-hint">{t('search.hint')}</p>
      ) : hits.length === 0 ? (
        <p className="search-empty">
          {isFiltered ? t('search.emptyFiltered') : t('search.empty', { query: query.trim() })}
        </p>
      ) : (
        <>
          <p className="search-count" aria-live="polite">
            {hits.length >= MAX_SEARCH_RESULTS
              ? t('search.many', { count: hits.length })
              : t('search.count', { count: hits.length })}
          </p>
          <SearchResults hits={hits} query={query.trim()} groups={groups} />
        </>
      )}
    </>
  );
}

/** 搜索: every document on the device, offline, by title, text, details and comments. */
export function SearchPage(): ReactElement {
  const { t } = useTranslation();
  const { search } = useAccount();
  return (
    <Page title={t('search.title')} className="search-page">
      <h1 className="page-title">{t('search.title')}</h1>
      {search === null ? <p className="search-state">{t('search.unavailable')}</p> : <SearchForm service={search} />}
    </Page>
  );
}
