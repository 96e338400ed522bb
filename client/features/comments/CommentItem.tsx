import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserId } from '../../../shared';
import { type Comment, deleteComment, editComment } from '../../core/comments';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatTime } from '../docs/formatTime';
import { CommentComposer } from './CommentComposer';
import { type CommentEnv, notifyMentions, personName, runChange } from './commentEnv';
import { splitMentions } from './mentionText';

function CommentText({ env, comment }: { readonly env: CommentEnv; readonly comment: Comment }): ReactElement {
  const names = comment.mentions.map((id) => personName(env, id));
  return (
    <p className="comment-text">
      {splitMentions(comment.text, names).map((part, index) =>
        part.kind === 'mention' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
          <span key={index} className="comment-mention">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

/** One comment of a thread: author, time and text; its author may edit or delete it. */
export function CommentItem(props: {
  readonly env: CommentEnv;
  readonly threadId: string;
  readonly comment: Comment;
  readonly now: number;
}): ReactElement {
  const { env, threadId, comment, now } = props;
  const { t, i18n } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const isOwn = env.meId !== null && comment.authorId === env.meId && env.canComment && !comment.isDeleted;
  const author = personName(env, comment.authorId);
  const ids = { threadId, commentId: comment.id };
  const save = (text: string, mentions: UserId[]): boolean => {
    const meId = env.meId;
    const isSaved =
      meId !== null &&
      runChange(env, () => editComment(env.doc, { ...ids, actorId: meId, text, mentions, now: env.now() }));
    if (isSaved) {
      const added = mentions.filter((id) => !comment.mentions.includes(id));
      notifyMentions(env, ids, added, text);
      setEditing(false);
    }
    return isSaved;
  };
  const remove = async (): Promise<void> => {
    const meId = env.meId;
    if (meId !== null) {
      runChange(env, () => deleteComment(env.doc, { ...ids, actorId: meId, now: env.now() }));
    }
  };
  return (
    <div className="comment" data-comment-id={comment.id}>
      <div className="comment-head">
        <span className="comment-avatar" aria-hidden="true">
          {author.charAt(0)}
        </span>
        <span className="comment-author">{author}</span>
        <time className="comment-time" dateTime={new Date(comment.createdAt).toISOString()}>
          {formatTime(comment.createdAt, Math.max(now, comment.createdAt), i18n.language, t)}
        </time>
        {comment.editedAt !== null && !comment.isDeleted ? (
          <span className="comment-edited">{t('comments.edited')}</span>
        ) : null}
      </div>
      {comment.isDeleted ? <p className="comment-text is-deleted">{t('comments.deleted')}</p> : null}
      {!comment.isDeleted && !isEditing ? <CommentText env={env} comment={comment} /> : null}
      {isEditing ? (
        <CommentComposer
          label={t('comments.composerLabel')}
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          candidates={env.candidates}
          initialText={comment.text}
          initialMentions={new Map(comment.mentions.map((id) => [id, personName(env, id)]))}
          shouldFocus
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {isOwn && !isEditing ? (
        <div className="comment-actions">
          <button type="button" className="comment-action" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </button>
          <button type="button" className="comment-action" onClick={() => setConfirming(true)}>
            {t('comments.delete')}
          </button>
        </div>
      ) : null}
      {isConfirming ? (
        <ConfirmDialog
          message={t('comments.confirmDelete')}
          title={t('comments.delete')}
          confirmLabel={t('comments.delete')}
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
