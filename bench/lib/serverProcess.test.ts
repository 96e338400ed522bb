import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, setupTokenIn } from './serverProcess';

describe('the benchmark runs our relay as npm start does', () => {
  it('uses the node flags of the start script', () => {
    const packageJson = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = packageJson.scripts.start ?? '';
    expect(start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js`);
  });
});

describe('the benchmark seeds our relay through its setup link', () => {
  it('reads the token of the link main.ts prints, and nothing from other lines', () => {
    const line = 'Open this link to create the first secretariat account: http://127.0.0.1:4321/setup/aB3_-x9';
    expect(setupTokenIn(line)).toBe('aB3_-x9');
    expect(setupTokenIn('Jianyan listening on http://127.0.0.1:4321')).toBeNull();
  });
});
