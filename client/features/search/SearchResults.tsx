import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Group } from '../../../shared/api/schemas';
import type { SearchHit, Snippet } from '../../search';

/** The snippet's text with its marked ranges in <mark>. */
function Marked({ snippet }: { readonly snippet: Snippet }): ReactElement {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of snippet.marks) {
    parts.push(snippet.text.slice(at, from));
    parts.push(<mark key={from}>{snippet.text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(snippet.text.slice(at));
  return (
    <>
      {snippet.isCutBefore ? '…' : ''}
      {parts}
      {snippet.isCutAfter ? '…' : ''}
    </>
  );
}

/** Where a result opens: the document, at the body block that matched, with the words to highlight. */
export function hitHref(hit: SearchHit, query: string): string {
  const params = new URLSearchParams({ q: query });
  if (hit.block !== null) {
    params.set('block', String(hit.block));
  }
  return `/d/${hit.id}?${params.toString()}`;
}

export interface SearchResultsProps {
  readonly hits: readonly SearchHit[];
  readonly query: string;
  readonly groups: readonly Group[];
}

/** The list of documents found, each with its kind, status, group, year and the passage that matched. */
export function SearchResults({ hits, query, groups }: SearchResultsProps): ReactElement {
  const { t } = useTranslation();
  const groupName = (id: string | null): string | null => groups.find((group) => group.id === id)?.name ?? null;
  return (
    <ol className="search-results" aria-label={t('search.resultsLabel')}>
      {hits.map((hit) => {
        const facts = [
          t(`kind.${hit.meta.kind ?? 'unknown'}`),
          hit.meta.status === null ? null : t(`status.${hit.meta.status}`),
          groupName(hit.meta.groupId),
          hit.meta.year === null ? null : String(hit.meta.year),
        ].filter((each): each is string => each !== null);
        const isTitleHit = hit.place === 'title';
        return (
          <li key={hit.id} className="search-result">
            <Link href={hitHref(hit, query)} className="search-result-link">
              <span className="search-result-title">
                {isTitleHit ? <Marked snippet={hit.snippet} /> : hit.title === '' ? t('search.untitled') : hit.title}
              </span>
              <span className="search-result-facts">{facts.join(' · ')}</span>
              {isTitleHit ? null : (
                <span className="search-result-snippet">
                  <span className="search-result-place">{t(`search.place.${hit.place}`)}</span>
                  <Marked snippet={hit.snippet} />
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
