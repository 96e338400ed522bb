import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../shared/domain/categories';
import { Role } from '../../shared/index';
import { apiRequest } from './support/apiRequest';
import type { SeedPlan } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

const PLAN: SeedPlan<'经济界', 'zhang' | 'lin'> = {
  groups: ['经济界'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'] },
    lin: { role: Role.chair },
  },
};

const ctx = setupSeededServer(PLAN);
const PATH = '/api/committee/categories';

describe('committee categories (docs/API.md, "Committee settings")', () => {
  it('answers the default list to anyone signed in until the secretariat edits it, and 401 to nobody', async () => {
    const answer = await apiRequest(ctx.server.url, 'GET', PATH, { token: ctx.tokenOf('zhang') });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ categories: DEFAULT_CATEGORIES, updatedAt: null, updatedBy: null });
    expect((await apiRequest(ctx.server.url, 'GET', PATH)).status).toBe(401);
  });

  it('P2 lets only the secretariat replace the list', async () => {
    const list = { categories: [{ id: 'economy', name: '经济' }] };
    for (const person of ['zhang', 'lin'] as const) {
      const answer = await apiRequest(ctx.server.url, 'PUT', PATH, { token: ctx.tokenOf(person), json: list });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    }
  });

  it('refuses a list with an id twice, a blank name or a bad id, saying which', async () => {
    const token = ctx.tokenOf('secretariat');
    const cases = [
      {
        categories: [
          { id: 'a', name: '甲' },
          { id: 'a', name: '乙' },
        ],
        says: 'listed twice',
      },
      { categories: [{ id: 'a', name: '  ' }], says: 'needs a name' },
      { categories: [{ id: 'A 1', name: '甲' }], says: 'category id' },
      { categories: [], says: 'at least one' },
    ];
    for (const { categories, says } of cases) {
      const answer = await apiRequest(ctx.server.url, 'PUT', PATH, { token, json: { categories } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining(says) });
    }
  });

  it('stores the secretariat’s list, trimmed, and answers it to members', async () => {
    const categories = [
      { id: 'economy', name: ' 经济发展 ' },
      { id: 'rural', name: '乡村振兴' },
    ];
    const put = await apiRequest(ctx.server.url, 'PUT', PATH, {
      token: ctx.tokenOf('secretariat'),
      json: { categories },
    });
    expect(put.status).toBe(200);
    const answer = await apiRequest(ctx.server.url, 'GET', PATH, { token: ctx.tokenOf('zhang') });
    expect(answer.body).toEqual({
      categories: [
        { id: 'economy', name: '经济发展' },
        { id: 'rural', name: '乡村振兴' },
      ],
      updatedAt: expect.any(Number),
      updatedBy: ctx.workspace.secretariat.id,
    });
  });
});
