import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocStatus, Role } from '../../../shared';
import { isAdoptable } from '../../../shared/domain/adoptions';
import { onCommentRequest } from '../../editor/comments/editorComments';
import { AdoptionPanel } from '../attachments/AdoptionPanel';
import { CommentsPanel } from '../comments/CommentsPanel';
import { CasePanel } from '../handling/CasePanel';
import { VersionsPanel } from '../versions/VersionsPanel';
import { TimelinePanel } from '../workflow/TimelinePanel';
import type { DocReviewContext } from './reviewContext';

const TABS = ['handling', 'adoption', 'comments', 'versions', 'timeline'] as const;
type Tab = (typeof TABS)[number];

/** Statuses after the office's decision: the proposal has a case (办理). */
const DECIDED: readonly string[] = [DocStatus.filed, DocStatus.notFiled, DocStatus.merged];

/** The tabs the person sees: a handling unit reads the case alone, never the discussion (P16). */
function tabsOf(context: DocReviewContext): readonly Tab[] {
  const { record } = context;
  const isDecided = record !== undefined && DECIDED.includes(record.status);
  if (context.me?.role === Role.unit) {
    return ['handling'];
  }
  // 采用情况: a social-conditions or research report once approved or filed (RULES.md U1).
  const isReport = record !== undefined && isAdoptable(record.kind, record.status);
  return TABS.filter((each) => (each === 'handling' ? isDecided : each === 'adoption' ? isReport : true));
}

/** The side panel of a document: its case once decided, comment threads, versions, and the workflow's timeline. */
export function ReviewSidebar({ context }: { readonly context: DocReviewContext }): ReactElement {
  const { t } = useTranslation();
  const tabs = tabsOf(context);
  const [chosen, setTab] = useState<Tab | null>(null);
  const tab: Tab = chosen !== null && tabs.includes(chosen) ? chosen : (tabs[0] ?? 'comments');
  const { editor } = context;
  // Asking to comment (the toolbar's 评论, Ctrl+Alt+M) brings the comments tab forward.
  useEffect(() => (editor === null ? undefined : onCommentRequest(editor, () => setTab('comments'))), [editor]);
  return (
    <aside className="review-sidebar" aria-label={t('review.sidebar')}>
      <div className="review-tabs" role="tablist">
        {tabs.map((each) => (
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
            {each === 'handling'
              ? t('handling.tab')
              : each === 'adoption'
                ? t('attachments.tab')
                : t(`review.tab.${each}`)}
          </button>
        ))}
      </div>
      <div className="review-panel" role="tabpanel" id={`review-panel-${tab}`} aria-labelledby={`review-tab-${tab}`}>
        {tab === 'handling' && context.record !== undefined && context.me !== null ? (
          <CasePanel
            docId={context.docId}
            record={context.record}
            me={context.me}
            people={context.workspace?.people ?? []}
          />
        ) : null}
        {tab === 'adoption' && context.record !== undefined && context.me !== null ? (
          <AdoptionPanel
            docId={context.docId}
            record={context.record}
            me={context.me}
            people={context.workspace?.people ?? []}
          />
        ) : null}
        {tab === 'comments' ? <CommentsPanel context={context} /> : null}
        {tab === 'versions' ? <VersionsPanel context={context} /> : null}
        {tab === 'timeline' ? <TimelinePanel context={context} /> : null}
      </div>
    </aside>
  );
}
