/**
 * Who is signed in on this device, and one account's workspace: the cached groups, people and
 * documents, creating and archiving documents through the outbox, what the user may do with a
 * document, and the gate that lets documents connect to the relay.
 */
export {
  type AccountInput,
  type AuthState,
  type AuthStore,
  type AuthStoreOptions,
  createAuthStore,
  type SignOutOutcome,
  userOf,
} from './AuthStore';
export { type CachedWorkspace, composeWorkspace, DocPlacement, placementOf } from './composeWorkspace';
export {
  createGroupDocument,
  type GroupDocumentInput,
  type InitialContent,
  initialUpdates,
} from './createGroupDocument';
export { DocAccessTracker, type DocAccessTrackerOptions } from './DocAccessTracker';
export { accessFromRecord, type DocAccess, deriveDocAccess, type ServerVerdict } from './docAccess';
export { type CacheSnapshot, WorkspaceCache, type WorkspaceCacheOptions } from './WorkspaceCache';
export { WorkspaceGate, type WorkspaceGateOptions } from './WorkspaceGate';
export { WorkspaceRuntime, type WorkspaceRuntimeOptions } from './WorkspaceRuntime';
