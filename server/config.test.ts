import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, loadConfig } from './config';
import { DEFAULT_QUOTAS } from './quotas';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/jianyan');
    expect(config).toMatchObject({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      dataDir: '/srv/jianyan/data',
      staticDir: '/srv/jianyan/dist/client',
      maxMessageBytes: 16 * 1024 * 1024,
      sqliteSynchronous: 'normal',
      publicUrl: null,
      trustProxy: [],
    });
  });

  it('reads the quotas, with their defaults', () => {
    expect(loadConfig({}).quotas).toEqual(DEFAULT_QUOTAS);
    const config = loadConfig({
      MAX_UPDATE_BYTES: '4194304',
      MAX_CONTENT_ROOM_BYTES: '536870912',
      MAX_COMMENTS_ROOM_BYTES: '8388608',
      MAX_HELD_BYTES_TOTAL: '134217728',
      MAX_SEND_BACKLOG_BYTES: '33554432',
      MAX_EARLY_BYTES: '65536',
      MAX_CONNECTIONS_PER_USER: '20',
      MAX_CONNECTIONS_PER_USER_ROOM: '4',
      MAX_STREAMS_PER_USER: '5',
    });
    expect(config.quotas).toEqual({
      maxUpdateBytes: 4 * 1024 * 1024,
      maxContentRoomBytes: 512 * 1024 * 1024,
      maxCommentsRoomBytes: 8 * 1024 * 1024,
      maxHeldBytesTotal: 128 * 1024 * 1024,
      maxSendBacklogBytes: 32 * 1024 * 1024,
      maxEarlyBytes: 64 * 1024,
      maxConnectionsPerUser: 20,
      maxConnectionsPerUserRoom: 4,
      maxStreamsPerUser: 5,
    });
    expect(() => loadConfig({ MAX_CONNECTIONS_PER_USER: '0', MAX_CONTENT_ROOM_BYTES: '1k' })).toThrow(
      /MAX_CONTENT_ROOM_BYTES: .*MAX_CONNECTIONS_PER_USER: /,
    );
  });

  it('reads the document files’ quotas: 100 MiB a document and 5 GiB the committee by default (DF4)', () => {
    expect(loadConfig({}).docFileQuotas).toEqual({ document: 100 * 1024 * 1024, committee: 5 * 1024 ** 3 });
    const config = loadConfig({ DOC_FILES_QUOTA_BYTES: '1048576', COMMITTEE_FILES_QUOTA_BYTES: '21474836480' });
    expect(config.docFileQuotas).toEqual({ document: 1024 * 1024, committee: 20 * 1024 ** 3 });
    expect(() => loadConfig({ DOC_FILES_QUOTA_BYTES: '-1', COMMITTEE_FILES_QUOTA_BYTES: '5G' })).toThrow(
      /DOC_FILES_QUOTA_BYTES: .*COMMITTEE_FILES_QUOTA_BYTES: /,
    );
  });

  it('reads PUBLIC_URL as an origin and TRUST_PROXY as a list of addresses', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://Jianyan.Example.gov.cn:443/', TRUST_PROXY: '10.0.0.2, ::1' });
    expect(config.publicUrl).toBe('https://jianyan.example.gov.cn');
    expect(config.trustProxy).toEqual(['10.0.0.2', '::1']);
    expect(loadConfig({ PUBLIC_URL: 'http://192.168.1.5:8787' }).publicUrl).toBe('http://192.168.1.5:8787');
  });

  it('refuses a PUBLIC_URL that is not an http(s) origin, and a TRUST_PROXY that is not addresses', () => {
    for (const bad of [
      'jianyan.example.gov.cn',
      'ftp://example.org',
      'https://example.org/app',
      'https://a@example.org',
      'https://example.org/?x=1',
    ]) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL/);
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.2, proxy.local' })).toThrow(/TRUST_PROXY: "proxy.local"/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8' })).toThrow(/TRUST_PROXY/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT: .*LOG_LEVEL: /);
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '10' })).toThrow(/MAX_MESSAGE_BYTES/);
  });
});
