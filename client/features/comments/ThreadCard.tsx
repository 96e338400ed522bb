import { type MouseEvent, memo, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserId } from '../../../shared';
import { addReply, setResolved, type Thread } from '../../core/comments';
import { formatTime } from '../docs/formatTime';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import { type CommentEnv, notifyMentions, personName, runChange } from './commentEnv';

export interface ThreadCardProps {
  readonly env: CommentEnv;
  readonly thread: Thread;
  /** Whether the passage's text is gone; false while unknown (no live editor). */
  readonly isOnDeletedText: boolean;
  readonly isActive: boolean;
  readonly now: number;
  /** The person picked this thread: open it and show its passage. */
  readonly onSelect: (thread: Thread) => void;
}

/** Clicks on the card's own controls do not also select the thread. */
function isControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest('button, textarea, [role="option"]') !== null;
}

/**
 * One thread: the passage quoted, its comments, and replying, resolving or reopening it. Memoised:
 * a document may have hundreds of threads, and a change touches one.
 */
export const ThreadCard = memo(function ThreadCard(props: ThreadCardProps): ReactElement {
  const { env, thread, isOnDeletedText, isActive, now, onSelect } = props;
  const { t, i18n } = useTranslation();
  const [isReplying, setReplying] = useState(false);
  const first = thread.comments[0];
  const isReplyShown = env.canComment && !thread.resolved && (isActive || isReplying);
  const reply = (text: string, mentions: UserId[]): boolean => {
    const meId = env.meId;
    let commentId = '';
    const isSent =
      meId !== null &&
      runChange(env, () => {
        commentId = addReply(env.doc, { threadId: thread.id, authorId: meId, text, mentions, now: env.now() });
      });
    if (isSent) {
      notifyMentions(env, { threadId: thread.id, commentId }, mentions, text);
      setReplying(false);
    }
    return isSent;
  };
  const toggleResolved = (): void => {
    const meId = env.meId;
    if (meId !== null) {
      runChange(env, () =>
        setResolved(env.doc, { threadId: thread.id, actorId: meId, resolved: !thread.resolved, now: env.now() }),
      );
    }
  };
  const className = ['comment-thread', isActive ? 'is-active' : '', thread.resolved ? 'is-resolved' : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the quote button is the keyboard's way to the same action
    <article
      className={className}
      data-thread-id={thread.id}
      aria-label={t('comments.threadLabel', { name: personName(env, first?.authorId ?? null), quote: thread.quote })}
      onClick={(event) => {
        if (!isControl(event)) {
          onSelect(thread);
        }
      }}
    >
      <button
        type="button"
        className={isOnDeletedText ? 'comment-quote is-deleted' : 'comment-quote'}
        onClick={() => onSelect(thread)}
      >
        <span className="comment-quote-text">{thread.quote}</span>
        {isOnDeletedText ? <span className="comment-tag">{t('comments.onDeletedText')}</span> : null}
      </button>
      {thread.comments.map((comment) => (
        <CommentItem key={comment.id} env={env} threadId={thread.id} comment={comment} now={now} />
      ))}
      {thread.resolved ? (
        <p className="comment-resolved">
          {t('comments.resolvedBy', {
            name: personName(env, thread.resolvedBy),
            time:
              thread.resolvedAt === null
                ? ''
                : formatTime(thread.resolvedAt, Math.max(now, thread.resolvedAt), i18n.language, t),
          })}
        </p>
      ) : null}
      {isReplyShown ? (
        <CommentComposer
          label={t('comments.replyLabel')}
          placeholder={t('comments.replyPlaceholder')}
          submitLabel={t('comments.reply')}
          candidates={env.candidates}
          shouldFocus={isReplying}
          onSubmit={reply}
          onCancel={isReplying ? () => setReplying(false) : undefined}
        />
      ) : null}
      {env.canComment ? (
        <div className="thread-actions">
          {isReplyShown ? null : (
            <button type="button" className="comment-action" onClick={() => setReplying(true)} hidden={thread.resolved}>
              {t('comments.reply')}
            </button>
          )}
          <button type="button" className="comment-action" onClick={toggleResolved}>
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      ) : null}
    </article>
  );
});
