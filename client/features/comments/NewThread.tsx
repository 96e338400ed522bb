import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserId } from '../../../shared';
import { createThread } from '../../core/comments';
import type { CommentRequest } from '../../editor/comments/highlightPlugin';
import { CommentComposer } from './CommentComposer';
import { type CommentEnv, notifyMentions, runChange } from './commentEnv';

/**
 * The composer of a new thread on the passage the person asked to comment on, or, when nothing
 * was selected, a line asking them to select text first.
 */
export function NewThread(props: {
  readonly env: CommentEnv;
  readonly request: CommentRequest;
  readonly onCreated: (threadId: string) => void;
  readonly onClose: () => void;
}): ReactElement {
  const { env, request, onCreated, onClose } = props;
  const { t } = useTranslation();
  const { anchor } = request;
  if (anchor === null) {
    return (
      <div className="comment-notice" role="status">
        <span>{t('comments.selectFirst')}</span>
        <button type="button" className="comment-action" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      </div>
    );
  }
  const send = (text: string, mentions: UserId[]): boolean => {
    const meId = env.meId;
    let ids = { threadId: '', commentId: '' };
    const isSent =
      meId !== null &&
      runChange(env, () => {
        ids = createThread(env.doc, { anchor, quote: request.quote, authorId: meId, text, mentions, now: env.now() });
      });
    if (isSent) {
      notifyMentions(env, ids, mentions, text);
      onCreated(ids.threadId);
    }
    return isSent;
  };
  return (
    <section className="comment-thread is-new" aria-label={t('comments.newThread')}>
      <div className="comment-quote is-static">
        <span className="comment-quote-text">{request.quote}</span>
      </div>
      <CommentComposer
        // A new request (another passage) starts a fresh composer.
        key={request.seq}
        label={t('comments.composerLabel')}
        placeholder={t('comments.placeholder')}
        submitLabel={t('comments.send')}
        candidates={env.candidates}
        shouldFocus
        onSubmit={send}
        onCancel={onClose}
      />
    </section>
  );
}
