import type * as Y from 'yjs';
import type { DocActivity, Version } from '../../../shared/api/review';
import type { VersionContent } from '../../core/versions';
import { compareVersions, decodeSnapshotBase64, hasSnapshotContent, renderVersion } from '../../core/versions';
import type { DocView } from '../document/reviewContext';

/** What a non-live view reads: one state, or a base and a target (null target: the live document). */
export type ViewRequest =
  /** `snapshot` null: the live document. */
  | { readonly kind: 'render'; readonly snapshot: Y.Snapshot | null }
  | { readonly kind: 'compare'; readonly base: Y.Snapshot | null; readonly target: Y.Snapshot | null };

/** A view resolved against the document's activity, or why it cannot be shown. */
export type ResolvedView =
  | { readonly status: 'ok'; readonly request: ViewRequest; readonly isLive: boolean }
  /** The activity (with the versions) is not on the device yet. */
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'invalid' };

/** What a view shows: its content, or why not yet. */
export type ViewContent =
  | { readonly status: 'ready'; readonly content: VersionContent }
  /** The snapshot needs edits this device has not received yet. */
  | { readonly status: 'waiting' }
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'invalid' };

/** A version by id from the activity; undefined when unknown. */
export function findVersion(activity: DocActivity | null, versionId: string): Version | undefined {
  return activity?.versions.find((version) => version.id === versionId);
}

function snapshotOf(activity: DocActivity | null, versionId: string): Y.Snapshot | 'loading' | 'missing' | 'invalid' {
  if (activity === null) {
    return 'loading';
  }
  const version = findVersion(activity, versionId);
  if (version === undefined) {
    return 'missing';
  }
  return decodeSnapshotBase64(version.snapshot) ?? 'invalid';
}

function failed(reason: 'loading' | 'missing' | 'invalid'): ResolvedView {
  return { status: reason };
}

/** Orders two versions oldest first, so that a comparison reads as "what changed after". */
function oldestFirst(activity: DocActivity, a: string, b: string): [string, string] {
  const index = (id: string) => activity.versions.findIndex((version) => version.id === id);
  return index(a) <= index(b) ? [a, b] : [b, a];
}

/** Turns a view into the snapshots it compares, using the versions the device has. */
export function resolveView(view: Exclude<DocView, { kind: 'live' }>, activity: DocActivity | null): ResolvedView {
  if (view.kind === 'version') {
    const snapshot = snapshotOf(activity, view.versionId);
    return typeof snapshot === 'string'
      ? failed(snapshot)
      : { status: 'ok', request: { kind: 'render', snapshot }, isLive: false };
  }
  if (view.kind === 'compare') {
    if (activity === null) {
      return failed('loading');
    }
    const [from, to] = oldestFirst(activity, view.fromVersionId, view.toVersionId);
    const base = snapshotOf(activity, from);
    const target = snapshotOf(activity, to);
    if (typeof base === 'string') {
      return failed(base);
    }
    return typeof target === 'string'
      ? failed(target)
      : { status: 'ok', request: { kind: 'compare', base, target }, isLive: false };
  }
  const since = view.since;
  if (since.kind === 'firstReview') {
    return { status: 'ok', request: { kind: 'render', snapshot: null }, isLive: true };
  }
  const base = since.kind === 'version' ? snapshotOf(activity, since.versionId) : decodeSnapshotBase64(since.snapshot);
  if (base === null || typeof base === 'string') {
    return failed(base ?? 'invalid');
  }
  return { status: 'ok', request: { kind: 'compare', base, target: null }, isLive: true };
}

/** Reads what a resolved view shows from the document, or says it must wait for edits. */
export function readView(doc: Y.Doc, resolved: ResolvedView): ViewContent {
  if (resolved.status !== 'ok') {
    return resolved;
  }
  const { request } = resolved;
  const needed = request.kind === 'render' ? [request.snapshot] : [request.base, request.target];
  if (needed.some((snapshot) => snapshot !== null && !hasSnapshotContent(doc, snapshot))) {
    return { status: 'waiting' };
  }
  try {
    const content =
      request.kind === 'render'
        ? renderVersion(doc, request.snapshot)
        : compareVersions(doc, request.base, request.target);
    return { status: 'ready', content };
  } catch {
    // A snapshot that decoded but does not fit the document (forged or corrupt): say so, never crash.
    return { status: 'invalid' };
  }
}
