import { describe, expect, it } from 'vitest';
import { newDocId } from '../../../shared';
import type { DocEvent, DocEventType } from '../../../shared/api/review';
import { newUserId } from '../../test/FakeServer';
import { resignedEventIds } from './timelineText';

const docId = newDocId();

function event(id: string, type: DocEventType, actorId = newUserId()): DocEvent {
  return {
    id,
    docId,
    type,
    actorId,
    at: 1,
    reason: null,
    versionId: null,
    subjectId: null,
    fromStatus: null,
    toStatus: null,
  };
}

describe('resignedEventIds', () => {
  it('calls a signature by someone whose signature stood a re-signing, but not one after a withdrawal', () => {
    const signer = newUserId();
    const other = newUserId();
    const events = [
      event('a', 'cosigned', signer),
      event('b', 'cosigned', other),
      event('c', 'cosigned', signer),
      event('d', 'cosign_withdrawn', signer),
      event('e', 'cosigned', signer),
      event('f', 'cosigned', other),
    ];
    expect([...resignedEventIds(events)]).toEqual(['c', 'f']);
  });
});
