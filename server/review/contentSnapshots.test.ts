import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  copyOf,
  decodeUntrustedSnapshot,
  encodeCurrentSnapshot,
  isSnapshotContained,
  normalisedSnapshot,
  visibleContent,
  visibleContentAt,
} from './contentSnapshots';

function docWith(title: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.getText('title').insert(0, title);
  return doc;
}

/** A second replica of `doc`, synced once. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc({ gc: false });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

function decoded(doc: Y.Doc): Y.Snapshot {
  const snapshot = decodeUntrustedSnapshot(encodeCurrentSnapshot(doc));
  if (snapshot === null) {
    throw new Error('the snapshot of a real document must decode');
  }
  return snapshot;
}

describe('snapshots sent by clients', () => {
  it('decodes a real snapshot and refuses bytes that are not one', () => {
    expect(decodeUntrustedSnapshot(encodeCurrentSnapshot(docWith('提案')))).not.toBeNull();
    expect(decodeUntrustedSnapshot(new Uint8Array([0xff, 0xff, 0xff]))).toBeNull();
    expect(decodeUntrustedSnapshot(new Uint8Array([]))).toBeNull();
  });

  it('is contained in the server state when the server has every change it describes', () => {
    const server = docWith('关于养老');
    const client = replicaOf(server);
    expect(isSnapshotContained(server, decoded(client))).toBe(true);
    server.getText('title').insert(0, '再改');
    expect(isSnapshotContained(server, decoded(client))).toBe(true);
  });

  it('is not contained when the client wrote something the server has not received', () => {
    const server = docWith('关于养老');
    const client = replicaOf(server);
    client.getText('title').insert(0, '未发送');
    expect(isSnapshotContained(server, decoded(client))).toBe(false);
  });

  it('is not contained when the client deleted something the server still shows', () => {
    const server = docWith('关于养老服务');
    const client = replicaOf(server);
    client.getText('title').delete(2, 2);
    // The state vector is unchanged by a deletion: only the delete set tells.
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(server));
    expect(isSnapshotContained(server, decoded(client))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(isSnapshotContained(server, decoded(client))).toBe(true);
  });

  it('is not contained when a deleted range runs past what the server deleted', () => {
    const server = docWith('一二三四五六');
    const client = replicaOf(server);
    server.getText('title').delete(1, 1);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('title').delete(0, 3);
    expect(isSnapshotContained(server, decoded(client))).toBe(false);
  });
});

describe('visible content at a snapshot', () => {
  it('rebuilds what a signer saw, whatever was written since', () => {
    const doc = docWith('关于养老');
    doc.getXmlFragment('body').insert(0, [new Y.XmlText('第一段')]);
    const signed = Y.snapshot(doc);
    doc.getText('title').insert(0, '（修改）');
    const copy = copyOf(doc);
    expect(visibleContentAt(copy, signed)).toEqual({ title: '关于养老', body: '第一段' });
    expect(visibleContent(copy)).toEqual({ title: '（修改）关于养老', body: '第一段' });
  });
});

describe('normalising a signed snapshot', () => {
  it('drops clients at clock 0 or unknown to the document, and keeps what rebuilds the same content', () => {
    const doc = docWith('联名提案');
    doc.getText('title').delete(0, 2);
    const real = decoded(doc);
    const ds = Y.createDeleteSet();
    ds.clients = new Map([...real.ds.clients, [424242, []]]);
    const padded = Y.createSnapshot(ds, new Map([...real.sv, [424242, 0], [777, 0]]));
    const normal = normalisedSnapshot(doc, padded);
    expect([...normal.sv.keys()]).toEqual([doc.clientID]);
    expect([...normal.ds.clients.keys()]).toEqual([doc.clientID]);
    expect(Y.equalSnapshots(normal, real)).toBe(true);
    expect(visibleContentAt(copyOf(doc), normal).title).toBe('提案');
  });
});
