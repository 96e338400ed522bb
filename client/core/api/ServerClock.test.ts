import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpTransport } from './HttpTransport';
import { type OffsetStorage, ServerClock } from './ServerClock';

function memoryStorage(): OffsetStorage & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

const DEVICE_NOW = Date.parse('2026-12-04T10:00:00.000Z');

describe('ServerClock', () => {
  it('is the device clock until an answer says otherwise', () => {
    const clock = new ServerClock({ storage: memoryStorage(), deviceNow: () => DEVICE_NOW });
    expect(clock.now()).toBe(DEVICE_NOW);
  });

  it('follows a server whose clock is ten minutes behind the device, and keeps the offset for the next load', () => {
    const storage = memoryStorage();
    const clock = new ServerClock({ storage, deviceNow: () => DEVICE_NOW });
    clock.observe('Fri, 04 Dec 2026 09:50:00 GMT', DEVICE_NOW - 100, DEVICE_NOW + 100);
    expect(clock.now()).toBe(Date.parse('2026-12-04T09:50:00.500Z'));

    const nextLoad = new ServerClock({ storage, deviceNow: () => DEVICE_NOW + 60_000 });
    expect(nextLoad.now()).toBe(Date.parse('2026-12-04T09:51:00.500Z'));
  });

  it('takes a second of difference for the header’s rounding, and ignores a broken header', () => {
    const clock = new ServerClock({ storage: memoryStorage(), deviceNow: () => DEVICE_NOW });
    clock.observe('Fri, 04 Dec 2026 10:00:01 GMT', DEVICE_NOW, DEVICE_NOW);
    expect(clock.offsetMs).toBe(0);
    clock.observe('not a date', DEVICE_NOW, DEVICE_NOW);
    clock.observe(null, DEVICE_NOW, DEVICE_NOW);
    expect(clock.offsetMs).toBe(0);
  });

  it('learns from every answer of the transport', async () => {
    const clock = new ServerClock({ storage: memoryStorage() });
    const serverTime = new Date(Date.now() + 3 * 60 * 60 * 1000);
    const transport = new HttpTransport({
      clock,
      fetch: async () =>
        new Response(JSON.stringify({ ok: true }), {
          status: 200,
          headers: { 'content-type': 'application/json', date: serverTime.toUTCString() },
        }),
    });
    await transport.request({ method: 'GET', path: '/healthz', answer: z.object({ ok: z.boolean() }) });
    expect(Math.abs(clock.now() - serverTime.getTime())).toBeLessThan(2_000);
  });
});
