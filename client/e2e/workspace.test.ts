import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  fillSignIn,
  readDoc,
  signIn,
  signOut,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForEditor,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import { withPeople } from './support/people';
import { TEST_PASSWORD } from './support/seed';

const PHONE = { width: 390, height: 844 };
const GROUP_NAME = '城东片区小组';
const TITLE = '关于城东老旧小区加装电梯的提案';
const ONLINE_TEXT = '城东片区有老旧小区四十余个。';
const OFFLINE_TEXT = '多数居民支持加装电梯，但资金分摊难以协商。';

describe('a committee’s workspace from setup to offline drafting', () => {
  const people = withPeople(
    { name: '秘书处王', role: 'secretariat', group: 'none', isSignedIn: false },
    { name: '李委员' },
    { name: '赵委员', group: 'other' },
  );

  it('invites a member into a new group who drafts offline; only the group sees the text', async () => {
    const {
      openDevice,
      devices: [secretariat, colleague, outsider],
    } = people();
    const admin = secretariat.page;

    // The secretariat signs in, creates a group and invites a member with a link.
    await admin.goto('/');
    await admin.getByRole('heading', { name: '登录建言' }).waitFor();
    await signIn(admin, secretariat.account);
    await admin.getByRole('link', { name: '管理' }).click();
    await admin.getByRole('link', { name: '小组管理' }).click();
    await admin.getByLabel('小组名称').fill(GROUP_NAME);
    await admin.getByLabel('小组名称').press('Enter');
    const groupRow = admin.locator('tr[data-group-id]', { hasText: GROUP_NAME });
    await groupRow.waitFor({ timeout: UI_TIMEOUT_MS });
    const groupId = await groupRow.getAttribute('data-group-id');
    expect(groupId).toMatch(/^[0-9a-f-]{36}$/);

    await admin.getByRole('link', { name: '人员管理' }).click();
    await admin.getByRole('button', { name: '邀请成员' }).click();
    const invite = admin.getByRole('dialog', { name: '生成邀请链接' });
    await invite.getByLabel('角色').selectOption('member');
    await invite.getByLabel(GROUP_NAME).check();
    await invite.getByRole('button', { name: '生成链接' }).click();
    const link = await invite.getByLabel('邀请链接').inputValue();
    expect(link).toMatch(/\/join\/[^/]+$/);
    await invite.getByRole('button', { name: '关闭' }).click();

    // The colleague of the same group is added from the group page.
    await admin.goto(`/g/${groupId}`);
    await admin.getByRole('button', { name: '添加成员' }).click();
    const add = admin.getByRole('dialog', { name: '添加成员' });
    await add.getByLabel('人员').selectOption({ label: `李委员（${colleague.account.username} · 委员）` });
    await add.getByRole('button', { name: '添加成员' }).click();
    await admin.locator('.member-list', { hasText: '李委员' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // The member opens the link on their phone, sees the role and group, and joins.
    const member = await openDevice({ viewport: PHONE, isMobile: true });
    const phone = member.page;
    await phone.goto(link);
    await phone.getByRole('heading', { name: '加入建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.locator('.invitation-summary', { hasText: '委员' }).filter({ hasText: GROUP_NAME }).waitFor();
    await member.screenshot('phone-join');
    await phone.getByLabel('姓名').fill('刘委员');
    await phone.getByLabel('用户名', { exact: true }).fill('liu.wei');
    await phone.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await phone.getByLabel('确认密码').fill(TEST_PASSWORD);
    await phone.getByRole('button', { name: '加入并登录' }).click();
    await phone.getByRole('heading', { name: '刘委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Signs out and in again with the new account.
    await signOut(phone, '刘委员（委员）');
    await fillSignIn(phone, { username: 'liu.wei', password: TEST_PASSWORD });
    await phone.getByRole('heading', { name: '刘委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Creates a proposal in the group and types.
    await phone.getByRole('link', { name: new RegExp(GROUP_NAME) }).click();
    await phone.getByRole('heading', { name: GROUP_NAME, level: 1 }).waitFor();
    await phone.getByRole('button', { name: '新建' }).click();
    const create = phone.getByRole('dialog', { name: '新建文档' });
    await create.locator(`[data-kind="${DocKind.proposal}"]`).click();
    await create.getByLabel('标题', { exact: true }).fill(TITLE);
    await create.getByLabel('标题', { exact: true }).press('Enter');
    await phone.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
    await waitForEditor(phone);
    const docId = /\/d\/([0-9a-f-]{36})$/.exec(phone.url())?.[1] ?? '';
    await caretToParagraph(phone, 0);
    await phone.keyboard.type(ONLINE_TEXT);
    await waitForSyncPhase(phone, 'synced');
    await phone.locator('.doc-meta', { hasText: GROUP_NAME }).filter({ hasText: '草稿' }).waitFor();

    // The network goes away; the member keeps writing, reloads, and still finds everything.
    await waitForServiceWorker(phone);
    await member.context.setOffline(true);
    await waitForSyncPhase(phone, 'offline');
    await caretToParagraph(phone, 0);
    await phone.keyboard.type(OFFLINE_TEXT);
    await waitForSyncPhase(phone, 'offline', /项更改未上传/);
    await phone.reload();
    await waitForEditor(phone);
    await waitForBody(phone, docId, [ONLINE_TEXT, OFFLINE_TEXT]);
    expect((await readDoc(phone, docId)).title).toBe(TITLE);
    await phone.getByRole('link', { name: '返回' }).click();
    await phone.locator(`tr[data-doc-id="${docId}"]`, { hasText: TITLE }).waitFor();
    await phone.getByRole('link', { name: '建言' }).click();
    await phone.getByRole('heading', { name: '刘委员，你好' }).waitFor();
    await phone.locator(`li[data-doc-id="${docId}"]`, { hasText: TITLE }).first().waitFor();
    await member.screenshot('phone-home-offline');

    // Back online: the edits go up; a colleague in the group reads the whole text.
    await member.context.setOffline(false);
    await phone.locator(`li[data-doc-id="${docId}"]`).first().getByRole('link').click();
    await waitForEditor(phone);
    await waitForSyncPhase(phone, 'synced');
    await colleague.page.goto(`/d/${docId}`);
    await waitForEditor(colleague.page);
    await waitForBody(colleague.page, docId, [ONLINE_TEXT, OFFLINE_TEXT]);
    expect(await readDoc(colleague.page, docId)).toEqual(await readDoc(phone, docId));

    // A member of another group gets a clear no-access page, and none of the content.
    const reader = outsider.page;
    await reader.goto(`/d/${docId}`);
    await reader.getByRole('heading', { name: '无权访问' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const html = await reader.content();
    for (const secret of [TITLE, ONLINE_TEXT, OFFLINE_TEXT]) {
      expect(html).not.toContain(secret);
    }
    expect(await reader.evaluate((id) => window.__jianyan?.storedDocText(id), docId)).toBeNull();
    expect(await reader.locator('.doc-body').count()).toBe(0);
    await outsider.screenshot('desktop-no-access');

    // The secretariat, not a member of the group, reads it and is told why it cannot edit.
    await admin.goto(`/d/${docId}`);
    await admin
      .getByRole('status')
      .filter({ hasText: '你可以查看这份文档，但不能编辑：你不是文档所在小组的成员' })
      .waitFor();
    await admin.locator('.doc-body[contenteditable="false"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForBody(admin, docId, [ONLINE_TEXT, OFFLINE_TEXT]);

    // And renames the group; the member's device follows.
    await admin.goto(`/g/${groupId}`);
    await admin.getByRole('button', { name: '重命名小组' }).click();
    await admin.getByRole('dialog', { name: '重命名小组' }).getByLabel('小组名称').fill('城东片区委员活动小组');
    await admin.getByRole('dialog', { name: '重命名小组' }).getByLabel('小组名称').press('Enter');
    await admin.getByRole('heading', { name: '城东片区委员活动小组', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.goto('/');
    await phone.locator('.group-card', { hasText: '城东片区委员活动小组' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
