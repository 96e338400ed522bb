import type { Hono } from 'hono';
import type { CategoryList } from '../../../shared/api/committee';
import { categoryListRequestSchema } from '../../../shared/api/committee';
import { type SubmitChecksSetting, submitChecksRequestSchema } from '../../../shared/api/submitChecks';
import { Action } from '../../../shared/index';
import { readCategories, readSubmitChecks } from '../../settings/committeeSettings';
import { CommitteeSettingKey } from '../../storage/CommitteeSettingsStore';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';

/** The committee's settings the secretariat edits (docs/API.md, "Committee settings"). */
export function registerCommitteeSettingsRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/committee/categories', auth, async (c) => c.json(await readCategories(deps.settings)));

  api.put('/committee/categories', auth, jsonBody(categoryListRequestSchema), async (c) => {
    const { actor, user } = c.get('auth');
    permit(actor, Action.manageCommittee, { type: 'committee' });
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

  api.get('/committee/submit-checks', auth, async (c) => c.json(await readSubmitChecks(deps.settings)));

  api.put('/committee/submit-checks', auth, jsonBody(submitChecksRequestSchema), async (c) => {
    const { actor, user } = c.get('auth');
    permit(actor, Action.manageCommittee, { type: 'committee' });
    const { checks } = c.get('body');
    const updatedAt = deps.now();
    await deps.settings.putSetting(CommitteeSettingKey.submitChecks, {
      value: { checks },
      updatedBy: user.id,
      updatedAt,
    });
    deps.logger.info('submit checks changed', { by: user.id });
    const answer: SubmitChecksSetting = { checks, updatedAt, updatedBy: user.id };
    return c.json(answer);
  });
}
