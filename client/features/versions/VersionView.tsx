import type { TFunction } from 'i18next';
import { type CSSProperties, type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocActivity } from '../../../shared/api/review';
import type { Person } from '../../../shared/api/schemas';
import type { VersionContent } from '../../core/versions';
import { useDocActivity } from '../../ui/hooks/useReview';
import { type DocReviewContext, type DocView, LIVE_VIEW } from '../document/reviewContext';
import { findVersion } from './resolveView';
import { useViewContent } from './useViewContent';
import { authorColor, VersionPaper } from './VersionPaper';

type OtherView = Exclude<DocView, { kind: 'live' }>;

/** A name for a user id from the workspace's people; "未知成员" for someone the device does not know. */
export function personNamer(people: readonly Person[], t: TFunction): (userId: string | null) => string {
  const byId = new Map<string, Person>(people.map((person) => [person.id, person]));
  return (userId) =>
    userId === null ? t('versions.legendUnknown') : (byId.get(userId)?.name ?? t('common.unknownPerson'));
}

/** The heading of a view: which version, which two, or changes since what. */
export function viewTitle(
  view: OtherView,
  activity: DocActivity | null,
  nameOf: (userId: string | null) => string,
  t: TFunction,
): string {
  const versionName = (id: string) => findVersion(activity, id)?.name ?? '…';
  if (view.kind === 'version') {
    return t('versions.viewVersion', { name: versionName(view.versionId) });
  }
  if (view.kind === 'compare') {
    const ids = activity?.versions.map((version) => version.id) ?? [];
    const isInOrder = ids.indexOf(view.fromVersionId) <= ids.indexOf(view.toVersionId);
    const [from, to] = isInOrder ? [view.fromVersionId, view.toVersionId] : [view.toVersionId, view.fromVersionId];
    return t('versions.viewCompare', { from: versionName(from), to: versionName(to) });
  }
  const { since } = view;
  if (since.kind === 'version') {
    return t('versions.viewSinceVersion', { name: versionName(since.versionId) });
  }
  if (since.kind === 'signature') {
    return t('versions.viewSinceSignature', { name: nameOf(since.userId) });
  }
  return t('versions.viewFirstReview');
}

function Legend(props: { readonly content: VersionContent; readonly nameOf: (userId: string | null) => string }) {
  const { t } = useTranslation();
  const { authors, hasUnknownAuthor } = props.content;
  const entries: Array<string | null> = [...authors, ...(hasUnknownAuthor ? [null] : [])];
  if (entries.length === 0) {
    return null;
  }
  return (
    <ul className="version-legend" aria-label={t('versions.legend')}>
      {entries.map((userId) => (
        <li
          key={userId ?? ''}
          className="version-legend-entry"
          style={{ '--author-color': authorColor(userId) } as CSSProperties}
        >
          <span className="version-swatch" aria-hidden="true" />
          {props.nameOf(userId)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Shown instead of the live editor while the view is not live: one version read-only, two
 * compared, or the live document with the changes since a version, insertions underlined and
 * deletions struck through in their author's colour.
 */
export function VersionView({ context, view }: { readonly context: DocReviewContext; readonly view: OtherView }) {
  const { t } = useTranslation();
  const activity = useDocActivity(context.docId);
  const content = useViewContent(context.session.doc, view, activity);
  const people = context.workspace?.people;
  const nameOf = useMemo(() => personNamer(people ?? [], t), [people, t]);
  const title = viewTitle(view, activity, nameOf, t);
  let body: ReactElement;
  const isFirstReview = view.kind === 'changes' && view.since.kind === 'firstReview';
  if (content.status === 'ready') {
    const isUnchanged =
      view.kind !== 'version' &&
      !isFirstReview &&
      content.content.authors.length === 0 &&
      !content.content.hasUnknownAuthor;
    body = (
      <>
        {isFirstReview ? (
          <p className="version-note" role="status">
            {t('versions.firstReview')}
          </p>
        ) : null}
        {isUnchanged ? <p className="version-note">{t('versions.noChanges')}</p> : null}
        <VersionPaper content={content.content} nameOf={nameOf} untitled={t('common.untitled')} />
      </>
    );
  } else {
    const messages = {
      waiting: t('versions.waiting'),
      loading: t('versions.loading'),
      missing: t('versions.notFound'),
      invalid: t('versions.badSnapshot'),
    } as const;
    body = (
      <p className="page-notice version-status" role="status">
        {messages[content.status]}
      </p>
    );
  }
  return (
    <section className="version-view" aria-label={title}>
      <div className="version-bar">
        <div className="version-bar-text">
          <h2 className="version-bar-title">{title}</h2>
          <span className="version-readonly">{t('versions.readOnly')}</span>
        </div>
        {content.status === 'ready' ? <Legend content={content.content} nameOf={nameOf} /> : null}
        <button type="button" className="button is-primary is-small" onClick={() => context.view.set(LIVE_VIEW)}>
          {t('versions.back')}
        </button>
      </div>
      <div className="page-scroll">{body}</div>
    </section>
  );
}
