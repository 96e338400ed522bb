import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, loadConfig } from './config';

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

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT: .*LOG_LEVEL: /);
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '10' })).toThrow(/MAX_MESSAGE_BYTES/);
  });
});
