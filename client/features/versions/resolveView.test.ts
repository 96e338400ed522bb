import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocActivity, Version } from '../../../shared/api/review';
import { Change, encodeSnapshotBase64 } from '../../core/versions';
import { newWriter, paragraphText } from '../../test/versionWriters';
import { readView, resolveView } from './resolveView';

function version(id: string, snapshot: Y.Snapshot, createdAt: number): Version {
  return {
    id,
    docId: 'doc' as Version['docId'],
    name: id,
    cause: 'manual',
    createdBy: 'alice' as Version['createdBy'],
    createdAt,
    snapshot: encodeSnapshotBase64(snapshot),
  };
}

/** Only the versions matter here; the record is not read. */
function activityWith(versions: Version[]): DocActivity {
  return { record: {} as DocActivity['record'], events: [], versions, lastReviewedVersionId: null };
}

function firstParagraph(content: ReturnType<typeof readView>): string[] {
  if (content.status !== 'ready') {
    throw new Error(`Expected a content, got ${content.status}`);
  }
  return (content.content.blocks[1]?.segments ?? []).map((segment) => `${segment.change}:${segment.text}`);
}

describe('resolveView and readView', () => {
  it('compares two versions oldest first, whichever was picked first', () => {
    const alice = newWriter('alice');
    paragraphText(alice.doc, 0).insert(0, '旧');
    const older = version('v1', Y.snapshot(alice.doc), 1);
    paragraphText(alice.doc, 0).insert(1, '新');
    const newer = version('v2', Y.snapshot(alice.doc), 2);
    const activity = activityWith([older, newer]);

    const view = { kind: 'compare', fromVersionId: 'v2', toVersionId: 'v1' } as const;
    expect(firstParagraph(readView(alice.doc, resolveView(view, activity)))).toEqual([
      `${Change.none}:旧`,
      `${Change.inserted}:新`,
    ]);
  });

  it('shows the live document against a signature’s snapshot, and everything against nothing', () => {
    const alice = newWriter('alice');
    paragraphText(alice.doc, 0).insert(0, '签名时');
    const signed = encodeSnapshotBase64(Y.snapshot(alice.doc));
    paragraphText(alice.doc, 0).insert(3, '之后');
    const sinceSignature = resolveView(
      { kind: 'changes', since: { kind: 'signature', userId: 'bob', snapshot: signed } },
      null,
    );
    expect(sinceSignature).toMatchObject({ status: 'ok', isLive: true });
    expect(firstParagraph(readView(alice.doc, sinceSignature))).toEqual([
      `${Change.none}:签名时`,
      `${Change.inserted}:之后`,
    ]);
    // A first review shows the live text unmarked, not all of it as inserted.
    const firstReview = resolveView({ kind: 'changes', since: { kind: 'firstReview' } }, null);
    expect(firstReview).toMatchObject({ status: 'ok', isLive: true });
    expect(firstParagraph(readView(alice.doc, firstReview))).toEqual([`${Change.none}:签名时之后`]);
  });

  it('waits for a version whose edits are not on the device, and names what is missing', () => {
    const alice = newWriter('alice');
    const behind = newWriter('bob', alice.doc);
    paragraphText(alice.doc, 0).insert(0, '尚未同步');
    const activity = activityWith([version('v1', Y.snapshot(alice.doc), 1)]);

    expect(readView(behind.doc, resolveView({ kind: 'version', versionId: 'v1' }, activity))).toEqual({
      status: 'waiting',
    });
    Y.applyUpdate(behind.doc, Y.encodeStateAsUpdate(alice.doc));
    expect(readView(behind.doc, resolveView({ kind: 'version', versionId: 'v1' }, activity)).status).toBe('ready');
    expect(resolveView({ kind: 'version', versionId: 'v9' }, activity)).toEqual({ status: 'missing' });
    expect(resolveView({ kind: 'version', versionId: 'v1' }, null)).toEqual({ status: 'loading' });
    const garbage = { kind: 'changes', since: { kind: 'signature', userId: 'bob', snapshot: '!!' } } as const;
    expect(resolveView(garbage, activity)).toEqual({ status: 'invalid' });
  });
});
