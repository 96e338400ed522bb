import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { submitChecksSettingSchema } from '../../shared/api/submitChecks';
import {
  ContentField,
  DEFAULT_SUBMIT_CHECKS,
  type DocId,
  DocKind,
  FieldKey,
  Role,
  templateUpdate,
  writeField,
} from '../../shared/index';
import { apiRequest } from './support/apiRequest';
import { SyncClient } from './support/SyncClient';
import type { SeedPlan } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

const PLAN: SeedPlan<'经济界', 'zhang'> = {
  groups: ['经济界'],
  people: { zhang: { role: Role.member, groups: ['经济界'], name: '张伟' } },
};

const UNIT = '5d0f3c2e-7a41-4b8e-9c1d-2e3f4a5b6c7d';
const clients: SyncClient[] = [];
const ctx = setupSeededServer(PLAN, {
  onBeforeDispose: async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  },
});

/** A submit sent straight to the API, as a client that skips the dialog would. */
function submit(id: DocId) {
  return apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/transitions`, {
    token: ctx.tokenOf('zhang'),
    json: { action: 'submit', fromStatus: 'draft', requestId: randomUUID() },
  });
}

describe('checks before submitting (RULES.md K1-K5), on the server', () => {
  it('answers the defaults to members, and lets only the secretariat change them, validated', async () => {
    const path = '/api/committee/submit-checks';
    const answer = await apiRequest(ctx.server.url, 'GET', path, { token: ctx.tokenOf('zhang') });
    expect(submitChecksSettingSchema.parse(answer.body)).toEqual({
      checks: DEFAULT_SUBMIT_CHECKS,
      updatedAt: null,
      updatedBy: null,
    });
    const body = { checks: DEFAULT_SUBMIT_CHECKS };
    expect((await apiRequest(ctx.server.url, 'PUT', path, { token: ctx.tokenOf('zhang'), json: body })).status).toBe(
      403,
    );
    const bad = {
      checks: {
        ...DEFAULT_SUBMIT_CHECKS,
        proposal: { ...DEFAULT_SUBMIT_CHECKS.proposal, bodyLength: { enabled: true, blocking: true, limit: 0 } },
      },
    };
    const refused = await apiRequest(ctx.server.url, 'PUT', path, { token: ctx.tokenOf('secretariat'), json: bad });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ field: 'checks.proposal.bodyLength.limit' });
  });

  it('K1 K4 refuse with 422 and the list a submit that skipped the dialog, and accept it once fixed', async () => {
    const proposal = DEFAULT_SUBMIT_CHECKS.proposal;
    const checks = {
      ...DEFAULT_SUBMIT_CHECKS,
      proposal: {
        ...proposal,
        titleForm: { ...proposal.titleForm, blocking: true },
        suggestedUnit: { ...proposal.suggestedUnit, blocking: true },
      },
    };
    const put = await apiRequest(ctx.server.url, 'PUT', '/api/committee/submit-checks', {
      token: ctx.tokenOf('secretariat'),
      json: { checks },
    });
    expect(put.status).toBe(200);

    const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
    const zhang = await SyncClient.connect(ctx.server.wsUrl, record.id, { token: ctx.tokenOf('zhang') });
    clients.push(zhang);
    Y.applyUpdate(zhang.doc, templateUpdate(DocKind.proposal));
    zhang.doc.getText(ContentField.title).insert(0, '关于乡村养老的提案');
    await zhang.sync();

    const refused = await submit(record.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: 'checks_failed',
      message: expect.stringContaining('titleForm, suggestedUnit'),
      checks: [
        { check: 'titleForm', passed: false, blocking: true, target: { kind: 'title' } },
        { check: 'suggestedUnit', passed: false, blocking: true, target: { kind: 'field', key: 'suggestedUnitIds' } },
      ],
    });
    const still = await apiRequest(ctx.server.url, 'GET', `/api/docs/${record.id}`, { token: ctx.tokenOf('zhang') });
    expect(still.body).toMatchObject({ status: 'draft' });

    const title = zhang.doc.getText(ContentField.title);
    zhang.doc.transact(() => {
      title.delete(title.length - 2, 2);
      title.insert(title.length, '建议');
    });
    writeField(zhang.doc, DocKind.proposal, FieldKey.suggestedUnitIds, [UNIT]);
    await zhang.sync();
    const accepted = await submit(record.id);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ record: { status: 'in_review' } });
  });
});
