import { describe, expect, it } from 'vitest';
import type { GroupId, UserId } from '../../../shared';
import { ClientError } from '../errors';
import { ApiClient } from './ApiClient';

const MEMBER = '0d9e7a64-2a3b-4f3c-9f7e-1a2b3c4d5e6f' as UserId;
const GROUP = '1d9e7a64-2a3b-4f3c-9f7e-1a2b3c4d5e6f' as GroupId;

function client(status = 200) {
  const seen: { url: string; method: string | undefined; body: unknown }[] = [];
  const api = new ApiClient({
    fetch: async (input, init) => {
      seen.push({ url: String(input), method: init?.method, body: init?.body });
      return new Response(JSON.stringify({ ok: true }), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { api, seen };
}

describe('DutyApi', () => {
  it('puts only the filters given in the committee view and its exports', () => {
    const { api } = client();
    expect(api.duty.scoresXlsxPath({ year: 2026, groupId: null, quarter: null })).toBe(
      '/api/duty/scores.xlsx?year=2026',
    );
    expect(api.duty.scoresXlsxPath({ year: 2026, groupId: GROUP, quarter: 2 })).toBe(
      `/api/duty/scores.xlsx?year=2026&groupId=${GROUP}&quarter=2`,
    );
    expect(api.duty.formsZipPath({ year: 2026, groupId: GROUP })).toBe(
      `/api/duty/forms.zip?year=2026&groupId=${GROUP}`,
    );
  });

  it("links the caller's own form or a member's", () => {
    const { api } = client();
    expect(api.duty.formPath(null, 2026)).toBe('/api/me/duty/form.docx?year=2026');
    expect(api.duty.formPath(MEMBER, 2026)).toBe(`/api/duty/members/${MEMBER}/form.docx?year=2026`);
  });

  it('sends a talk to the member path with its body, and takes any answer', async () => {
    const { api, seen } = client();
    await api.duty.recordTalk(MEMBER, { year: 2026, at: 1_700_000_000_000, note: '了解情况' });
    expect(seen).toEqual([
      {
        url: `/api/duty/members/${MEMBER}/talks`,
        method: 'POST',
        body: JSON.stringify({ year: 2026, at: 1_700_000_000_000, note: '了解情况' }),
      },
    ]);
  });

  it('refuses an empty note before sending it', async () => {
    const { api, seen } = client();
    await expect(api.duty.remind(MEMBER, { year: 2026, note: '  ' })).rejects.toBeInstanceOf(ClientError);
    expect(seen).toEqual([]);
  });

  it('gives a stale save of the rules as a 409 ClientError', async () => {
    const { api } = client(409);
    const saving = api.duty.saveYearSettings(2026, { preset: 'preset_120', version: 1 });
    await expect(saving).rejects.toMatchObject({ status: 409 });
  });
});
