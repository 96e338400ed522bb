import { describe, expect, it } from 'vitest';
import type { UserId } from '../../shared/index';
import { StreamHub, type StreamMessage } from './StreamHub';

const A = 'c0000000-0000-4000-8000-00000000000a' as UserId;
const B = 'c0000000-0000-4000-8000-00000000000b' as UserId;

function recorder(credential = 'token-a') {
  const received: StreamMessage[] = [];
  let ended = 0;
  return {
    received,
    ended: () => ended,
    subscriber: {
      send: (message: StreamMessage) => received.push(message),
      end: () => (ended += 1),
      credential,
    },
  };
}

describe('StreamHub', () => {
  it('sends to every open stream of the users named, each once, and to no one else', () => {
    const hub = new StreamHub();
    const [a1, a2, b] = [recorder(), recorder(), recorder()];
    hub.subscribe(A, a1.subscriber);
    hub.subscribe(A, a2.subscriber);
    hub.subscribe(B, b.subscriber);
    hub.publish([A, A], { event: 'notification', data: '{}' });
    expect(a1.received).toHaveLength(1);
    expect(a2.received).toHaveLength(1);
    expect(b.received).toEqual([]);
  });

  it('stops sending to a stream once it unsubscribed', () => {
    const hub = new StreamHub();
    const a = recorder();
    const unsubscribe = hub.subscribe(A, a.subscriber);
    unsubscribe();
    hub.publish([A], { event: 'record', data: '{}' });
    expect(a.received).toEqual([]);
    expect(hub.size).toBe(0);
  });

  it('ends every stream at close and ends new ones at once', () => {
    const hub = new StreamHub();
    const [a, late] = [recorder(), recorder()];
    hub.subscribe(A, a.subscriber);
    hub.close();
    hub.subscribe(B, late.subscriber);
    expect([a.ended(), late.ended(), hub.size]).toEqual([1, 1, 0]);
  });

  it('ends only the streams of the user whose credential no longer signs in', async () => {
    const hub = new StreamHub();
    const [signedOut, kept, other] = [recorder('old'), recorder('current'), recorder('old')];
    hub.subscribe(A, signedOut.subscriber);
    hub.subscribe(A, kept.subscriber);
    hub.subscribe(B, other.subscriber);
    await hub.endSignedOut(A, (credential) => Promise.resolve(credential === 'current'));
    expect([signedOut.ended(), kept.ended(), other.ended()]).toEqual([1, 0, 0]);
  });
});
