/**
 * A document's comment threads in its comments Y.Doc: their shape, the changes each person may
 * make, and reading them back.
 */
export { isCommentId, newCommentId } from './commentIds';
export {
  addReply,
  type Comment,
  type CommentEdit,
  createThread,
  deleteComment,
  type EncodedAnchor,
  editComment,
  isListed,
  type ListOptions,
  listThreads,
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  type NewReply,
  type NewThread,
  observeThreads,
  readThread,
  setResolved,
  sortThreads,
  THREADS_KEY,
  type Thread,
} from './commentsModel';
export { mentionsSchema, threadsOf } from './commentTypes';
