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

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT: .*LOG_LEVEL: /);
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '10' })).toThrow(/MAX_MESSAGE_BYTES/);
  });
});
