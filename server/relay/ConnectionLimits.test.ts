import { describe, expect, it } from 'vitest';
import { CloseCode, type UserId } from '../../shared/index';
import { parseRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { ConnectionLimits } from './ConnectionLimits';

const ZHANG = 'c0000000-0000-4000-8000-00000000000a' as UserId;
const LI = 'c0000000-0000-4000-8000-00000000000b' as UserId;

describe('ConnectionLimits', () => {
  it('refuses a user over the cap per room, then over the cap in all, with 4429 and the reason', () => {
    const limits = new ConnectionLimits<object>({ maxConnectionsPerUser: 3, maxConnectionsPerUserRoom: 2 });
    expect(limits.admit({}, ZHANG, 'a')).toBeNull();
    expect(limits.admit({}, ZHANG, 'a')).toBeNull();
    const inRoom = limits.admit({}, ZHANG, 'a');
    expect(inRoom).toMatchObject({ code: CloseCode.tooManyConnections, open: 2 });
    expect(parseRelayReason(inRoom?.reason ?? '').code).toBe(RelayReasonCode.tooManyRoomConnections);
    expect(limits.admit({}, LI, 'a')).toBeNull();
    expect(limits.admit({}, ZHANG, 'b')).toBeNull();
    const inAll = limits.admit({}, ZHANG, 'c');
    expect(inAll).toMatchObject({ code: CloseCode.tooManyConnections, open: 3 });
    expect(parseRelayReason(inAll?.reason ?? '').code).toBe(RelayReasonCode.tooManyConnections);
  });

  it('frees a place when a counted connection is released, and ignores one never counted', () => {
    const limits = new ConnectionLimits<object>({ maxConnectionsPerUser: 1, maxConnectionsPerUserRoom: 1 });
    const first = {};
    expect(limits.admit(first, ZHANG, 'a')).toBeNull();
    // Admitting the same connection again (a re-decision) does not count it twice.
    expect(limits.admit(first, ZHANG, 'a')).toBeNull();
    const refused = {};
    expect(limits.admit(refused, ZHANG, 'a')).not.toBeNull();
    limits.release(refused);
    expect(limits.admit({}, ZHANG, 'b')).not.toBeNull();
    limits.release(first);
    expect(limits.admit({}, ZHANG, 'b')).toBeNull();
  });
});
