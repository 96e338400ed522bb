import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onCommentRequest } from '../../editor/comments/editorComments';
import { CommentsPanel } from '../comments/CommentsPanel';
import { VersionsPanel } from '../versions/VersionsPanel';
import { TimelinePanel } from '../workflow/TimelinePanel';
import type { DocReviewContext } from './reviewContext';

const TABS = ['comments', 'versions', 'timeline'] as const;
type Tab = (typeof TABS)[number];

/** The side panel of a document: comment threads, versions, and the workflow's timeline. */
export function ReviewSidebar({ context }: { readonly context: DocReviewContext }): ReactElement {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('comments');
  const { editor } = context;
  // Asking to comment (the toolbar's 评论, Ctrl+Alt+M) brings the comments tab forward.
  useEffect(() => (editor === null ? undefined : onCommentRequest(editor, () => setTab('comments'))), [editor]);
  return (
    <aside className="review-sidebar" aria-label={t('review.sidebar')}>
      <div className="review-tabs" role="tablist">
        {TABS.map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            id={`review-tab-${each}`}
            aria-selected={tab === each}
            aria-controls={`review-panel-${each}`}
            className={tab === each ? 'review-tab is-active' : 'review-tab'}
            onClick={() => setTab(each)}
          >
            {t(`review.tab.${each}`)}
          </button>
        ))}
      </div>
      <div className="review-panel" role="tabpanel" id={`review-panel-${tab}`} aria-labelledby={`review-tab-${tab}`}>
        {tab === 'comments' ? <CommentsPanel context={context} /> : null}
        {tab === 'versions' ? <VersionsPanel context={context} /> : null}
        {tab === 'timeline' ? <TimelinePanel context={context} /> : null}
      </div>
    </aside>
  );
}
