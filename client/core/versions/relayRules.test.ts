import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, DocKind, judgeContentUpdate, type UserId } from '../../../shared';
import { authorshipSettled, newWriter, paragraphText, type Writer } from '../../test/versionWriters';
import { restoreVersion } from './restoreVersion';

/**
 * The relay's side of a content room, as far as the rules go: its document, who owns which
 * client id, and every update a writer's device sends, judged (RULES.md D1-D6) before it is
 * applied. The app's own writes must never be refused.
 */
class JudgedRoom {
  readonly doc = new Y.Doc({ gc: false });
  readonly owners = new Map<number, UserId>();

  /** Delivers what the writer holds and the room lacks, as one step 2 (offline edits). */
  sendState(writer: Writer): void {
    this.deliver(writer.userId as UserId, Y.encodeStateAsUpdate(writer.doc, Y.encodeStateVector(this.doc)));
  }

  /** Delivers one live update. */
  deliver(userId: UserId, update: Uint8Array): void {
    const verdict = judgeContentUpdate(
      { doc: this.doc, owners: this.owners, userId, docKind: DocKind.proposal },
      Y.decodeUpdate(update),
    );
    expect(verdict).toMatchObject({ kind: 'accept' });
    if (verdict.kind === 'accept') {
      for (const clientId of verdict.claims) {
        this.owners.set(clientId, userId);
      }
    }
    Y.applyUpdate(this.doc, update);
  }

  /** Sends each update of the writer's doc to the room as it happens, and the room's back. */
  connect(writer: Writer): void {
    writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) {
        this.deliver(writer.userId as UserId, update);
      }
    });
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(writer.doc)), this);
  }
}

describe('the app’s writes fit the relay’s content rules (RULES.md D1-D6)', () => {
  it('accepts the template, typing with authorship, another member’s deletions and a restore', async () => {
    const room = new JudgedRoom();
    const zhang = newWriter('zhang');
    room.sendState(zhang);
    room.connect(zhang);
    zhang.doc.getText(ContentField.title).insert(0, '关于社区养老的提案');
    paragraphText(zhang.doc, 0).insert(0, '社区养老服务不足');
    await authorshipSettled();
    const reviewed = Y.snapshot(room.doc);

    const li = newWriter('li', room.doc);
    room.connect(li);
    paragraphText(li.doc, 0).delete(0, 2);
    paragraphText(li.doc, 0).insert(0, '农村');
    li.doc.getXmlFragment(ContentField.body).delete(2, 1);
    await authorshipSettled();
    Y.applyUpdate(zhang.doc, Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(zhang.doc)), room);

    restoreVersion(zhang.doc, reviewed);
    await authorshipSettled();
    expect(paragraphText(room.doc, 0).toString()).toBe('社区养老服务不足');
    const authors = room.doc.getMap(ContentField.authors);
    expect([...authors.keys()].sort()).toEqual(['li', 'zhang']);
  });

  it('accepts edits made offline and sent with their authorship in one step 2', async () => {
    const room = new JudgedRoom();
    const creator = newWriter('zhang');
    room.sendState(creator);
    const offline = newWriter('li', room.doc);
    offline.doc.getText(ContentField.title).insert(0, '离线');
    paragraphText(offline.doc, 1).insert(0, '李委员');
    paragraphText(offline.doc, 0).delete(0, 0);
    await authorshipSettled();
    room.sendState(offline);
    expect(room.doc.getText(ContentField.title).toString()).toBe('离线');
    expect(room.owners.get(offline.doc.clientID)).toBe('li');
  });
});
