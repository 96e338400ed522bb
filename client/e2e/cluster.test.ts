import { afterAll, beforeAll, describe, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  openDocument,
  signIn,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForSyncPhase,
} from './support/app';
import { CLUSTER_SERVICES, TwoProcessCommittee } from './support/cluster';
import { type Device, launchDevice } from './support/device';
import { commentThread } from './support/review';
import { ApiSeed } from './support/seed';
import { selectText } from './support/select';

const services = CLUSTER_SERVICES;

describe.skipIf(services === null)('two people on two server processes', () => {
  let committee: TwoProcessCommittee;
  const devices: Device[] = [];

  beforeAll(async () => {
    committee = await TwoProcessCommittee.start(services ?? { databaseUrl: '', redisUrl: '' });
  });

  afterAll(async () => {
    await Promise.all(devices.map((device) => device.close()));
    await committee?.dispose();
  });

  it('co-edit and comment, and both keep working when one process is killed', async () => {
    const [entranceA, entranceB] = committee.entrances as [string, string];
    const seed = await ApiSeed.setUp(entranceA, committee.setupUrl);
    const group = await seed.createGroup('第一小组');
    const chen = await seed.createAccount({ username: 'chen', name: '陈委员', role: 'member', groupIds: [group.id] });
    const zhou = await seed.createAccount({ username: 'zhou', name: '周委员', role: 'member', groupIds: [group.id] });
    const onA = await launchDevice(entranceA, {});
    const onB = await launchDevice(entranceB, {});
    devices.push(onA, onB);
    await signIn(onA.page, chen);
    await signIn(onB.page, zhou);

    // 陈 starts the draft through process A; 周 opens it through process B.
    const docId = await createDocument(onA.page, group.id, DocKind.proposal, '关于农村寄递物流的提案');
    await caretToParagraph(onA.page, 0);
    await onA.page.keyboard.type('乡镇快递网点覆盖不足。');
    await openDocument(onB.page, docId);
    await waitForBody(onB.page, docId, ['乡镇快递网点覆盖不足。']);
    await caretToParagraph(onB.page, 4);
    await onB.page.keyboard.type('建议统筹邮政与快递企业共建村级站点。');
    await waitForBody(onA.page, docId, ['建议统筹邮政与快递企业共建村级站点。']);

    // 周 comments on a passage; 陈 sees the thread live on the other process.
    await selectText(onB.page, '网点覆盖');
    await onB.page.getByRole('button', { name: '评论' }).first().click();
    await onB.page.getByRole('region', { name: '添加评论' }).getByLabel('评论内容').fill('请补充覆盖率数据');
    await onB.page.keyboard.press('Control+Enter');
    await commentThread(onA.page, '请补充覆盖率数据').waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForSyncPhase(onA.page, 'synced');
    await waitForSyncPhase(onB.page, 'synced');
    await onA.screenshot('cluster-before-kill');

    // Process A dies. 陈's page reconnects through the balancer to process B and goes on.
    await committee.kill(0);
    await caretToParagraph(onA.page, 3);
    await onA.page.keyboard.type('部分行政村仍无快递直达，群众需到镇上取件。');
    await waitForBody(onB.page, docId, ['部分行政村仍无快递直达，群众需到镇上取件。']);
    await caretToParagraph(onB.page, 4);
    await onB.page.keyboard.press('End');
    await onB.page.keyboard.type('对偏远村给予运营补贴。');
    await waitForBody(onA.page, docId, ['对偏远村给予运营补贴。']);
    await waitForSyncPhase(onA.page, 'synced');
    await waitForSyncPhase(onB.page, 'synced');
    await commentThread(onA.page, '请补充覆盖率数据').waitFor({ timeout: UI_TIMEOUT_MS });
    await onA.screenshot('cluster-after-kill');
  });
});
