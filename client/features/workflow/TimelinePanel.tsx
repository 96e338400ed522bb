import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../ui/hooks/useOnline';
import { useDocActivity } from '../../ui/hooks/useReview';
import { formatTime } from '../docs/formatTime';
import { nameOf, peopleById } from '../docs/peopleNames';
import type { DocReviewContext } from '../document/reviewContext';
import { eventText, resignedEventIds } from './timelineText';

/** The events shown at most; the oldest beyond are left out (the server keeps them all). */
const MAX_EVENTS = 200;

/**
 * 动态: what happened to the document, newest first (what a reviewer opening it wants to know
 * first), with who and when; an event that saved a version opens it.
 */
export function TimelinePanel({ context }: { readonly context: DocReviewContext }): ReactElement {
  const { t, i18n } = useTranslation();
  const isOnline = useOnline();
  const activity = useDocActivity(context.docId);
  const people = useMemo(() => peopleById(context.workspace?.people ?? []), [context.workspace?.people]);
  const versions = useMemo(() => new Map((activity?.versions ?? []).map((each) => [each.id, each])), [activity]);
  const resigned = useMemo(() => resignedEventIds(activity?.events ?? []), [activity]);
  if (activity === null) {
    return (
      <p className="timeline-note">{isOnline ? t('workflow.timeline.loading') : t('workflow.timeline.offline')}</p>
    );
  }
  const events = [...activity.events].reverse().slice(0, MAX_EVENTS);
  const now = Date.now();
  return (
    <div className="timeline">
      {isOnline ? null : <p className="timeline-note">{t('workflow.timeline.offline')}</p>}
      {events.length === 0 ? <p className="timeline-note">{t('workflow.timeline.empty')}</p> : null}
      <ol className="timeline-list" aria-label={t('workflow.timeline.label')}>
        {events.map((event) => {
          const versionId = event.versionId;
          return (
            <li key={event.id} className={`timeline-event is-${event.type}`}>
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-body">
                <p className="timeline-what">
                  <strong>{nameOf(event.actorId, people, t)}</strong>{' '}
                  {eventText(event, { versions, people, resigned }, t)}
                </p>
                <p className="timeline-meta">
                  <time dateTime={new Date(event.at).toISOString()}>{formatTime(event.at, now, i18n.language, t)}</time>
                  {versionId === null || !versions.has(versionId) ? null : (
                    <button
                      type="button"
                      className="timeline-link"
                      onClick={() => context.view.set({ kind: 'version', versionId })}
                    >
                      {t('workflow.timeline.viewVersion')}
                    </button>
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
