import type { Hono } from 'hono';
import { type CategoryList, categoryListRequestSchema } from '../../../shared/api/committee';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/categories';
import { Action } from '../../../shared/index';
import { CommitteeSettingKey } from '../../storage/CommitteeSettingsStore';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';

/**
 * The stored category list, or the defaults when the secretariat never edited it. A stored value
 * is read back through the request's schema: a row that no longer passes is damaged data.
 */
export async function readCategories(deps: Pick<ApiDeps, 'settings'>): Promise<CategoryList> {
  const stored = await deps.settings.getSetting(CommitteeSettingKey.categories);
  if (stored === null) {
    return { categories: DEFAULT_CATEGORIES.map((category) => ({ ...category })), updatedAt: null, updatedBy: null };
  }
  const parsed = categoryListRequestSchema.safeParse(stored.value);
  if (!parsed.success) {
    throw new Error('Stored data is damaged: the committee setting categories is not a category list');
  }
  return { categories: parsed.data.categories, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

/** The committee's settings the secretariat edits (docs/API.md, "Committee settings"). */
export function registerCommitteeSettingsRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/committee/categories', auth, async (c) => c.json(await readCategories(deps)));

  api.put('/committee/categories', auth, jsonBody(categoryListRequestSchema), async (c) => {
    const { actor, user } = c.get('auth');
    permit(actor, Action.configureCommittee, { type: 'committee' });
    const { categories } = c.get('body');
    const updatedAt = deps.now();
    await deps.settings.putSetting(CommitteeSettingKey.categories, {
      value: { categories },
      updatedBy: user.id,
      updatedAt,
    });
    deps.logger.info('categories changed', { by: user.id, count: categories.length });
    const answer: CategoryList = { categories, updatedAt, updatedBy: user.id };
    return c.json(answer);
  });
}
