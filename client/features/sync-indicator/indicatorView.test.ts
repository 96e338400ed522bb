import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRelayReason, RelayReasonCode } from '../../../shared/protocol/relayReasons';
import { en } from '../../app/i18n/en';
import { zhCN } from '../../app/i18n/zh-CN';
import { relayReasonText } from '../../ui/errorText';
import { docIndicatorView, expiredIndicatorView, listIndicatorView } from './indicatorView';

beforeAll(async () => {
  await i18next.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

describe('sync indicator texts', () => {
  const t = i18next.t.bind(i18next);

  it('reads like a Chinese document app', () => {
    const base = { unsent: 0, problem: null, readOnlyReason: null };
    expect(docIndicatorView({ ...base, phase: 'synced' }, t).label).toBe('已同步');
    expect(docIndicatorView({ ...base, phase: 'syncing' }, t).label).toBe('同步中');
    expect(docIndicatorView({ ...base, phase: 'syncing', unsent: 2 }, t).label).toBe('同步中 · 2 项更改待确认');
    expect(docIndicatorView({ ...base, phase: 'offline', unsent: 7 }, t).label).toBe('离线 · 7 项更改未上传');
    expect(docIndicatorView({ ...base, phase: 'error', problem: { kind: 'roomUnavailable' } }, t).label).toBe(
      '服务器暂时无法打开此文档，稍后自动重试',
    );
    expect(
      docIndicatorView({ ...base, phase: 'error', problem: { kind: 'refused', code: 4403, reason: '无权查看' } }, t)
        .label,
    ).toBe('服务器拒绝同步：无权查看');
  });

  it('shows a refusal over a quota in the app’s words, without the server’s sentence', () => {
    const base = { unsent: 3, problem: null, readOnlyReason: null };
    const reason = formatRelayReason(RelayReasonCode.tooManyConnections, 'too many connections for this account (50)');
    expect(
      docIndicatorView({ ...base, phase: 'error', problem: { kind: 'refused', code: 4429, reason } }, t).label,
    ).toBe('服务器拒绝同步：此账号打开的连接过多，请关闭其他标签页或设备上的文档');
    expect(relayReasonText(formatRelayReason(RelayReasonCode.roomFull, 'reached 256 MiB'), t)).toBe(
      '文档已达到大小上限，新的修改仍保存在本设备上',
    );
    expect(relayReasonText(formatRelayReason(RelayReasonCode.updateTooLarge), t)).toBe(
      '这次修改超过了服务器接受的大小，修改仍保存在本设备上',
    );
  });

  it('on the list, counts changes of all documents', () => {
    expect(listIndicatorView(false, 3, t).label).toBe('离线 · 3 项更改未上传');
    expect(listIndicatorView(true, 0, t).label).toBe('已同步');
  });

  it('says that the session ended, and how many changes wait for the next sign-in', () => {
    expect(expiredIndicatorView(4, t).label).toBe('登录已过期 · 4 项更改未上传');
    expect(expiredIndicatorView(0, t).label).toBe('登录已过期');
  });
});
