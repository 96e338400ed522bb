import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress';
import { startTestServer, type TestServer } from './support/testServer';

/** A GET with exactly these request headers, the body as it came over the wire. */
function raw(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    },
  );
}

const script = `console.log(${JSON.stringify('建言'.repeat(2000))});\n`;
const tiny = 'body{}\n';

describe('compressed answers', () => {
  let server: TestServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'jianyan-static-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><title>建言</title>${'<p>建言</p>'.repeat(200)}`);
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), script);
    writeFileSync(path.join(staticDir, 'assets', 'tiny.css'), tiny);
    expect(precompress(staticDir).files).toBe(2);
    server = await startTestServer({ staticDir });
  });

  afterAll(async () => {
    await server.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends the built assets precompressed with Brotli or gzip, as the browser accepts, and says so', async () => {
    const url = `${server.url}/assets/app.js`;
    const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gzip = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await raw(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    // A client-side route gets the app shell, compressed too; a file too small to gain is sent as it is.
    expect((await raw(`${server.url}/duty/committee`, { 'accept-encoding': 'br' })).headers['content-encoding']).toBe(
      'br',
    );
    const small = await raw(`${server.url}/assets/tiny.css`, { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe(tiny);
  });

  it('compresses JSON answers of a kilobyte or more, and nothing for a client that does not accept it', async () => {
    const url = `${server.url}/api/openapi.json`;
    const gzip = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const description = JSON.parse(gunzipSync(gzip.body).toString()) as { openapi: string };
    expect(description.openapi).toMatch(/^3\./);
    const plain = await raw(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(description);
    // A small answer is not worth it.
    const health = await raw(`${server.url}/api/session`, { 'accept-encoding': 'gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
