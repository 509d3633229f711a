/**
 * Random handshake `auth` payloads (wrong types, huge strings, odd unicode, bogus tokens): the
 * socket either gets `live.hello` or a clear connect error; the server stays healthy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { io as ioClient } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each([
  ['public dashboard', '1'],
  ['signed-in only', '0'],
])('fuzzing the socket handshake (%s)', (_name, publicDashboard) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { env: { PUBLIC_DASHBOARD: publicDashboard } });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('answers every handshake with a hello or a clear refusal', async () => {
    const auth = fc.oneof(
      fc.dictionary(
        fc.constantFrom('epoch', 'seq', 'token', 'x'),
        fc.oneof(fc.jsonValue(), fc.string({ minLength: 2000, maxLength: 5000 }), fc.double()),
      ),
      fc.record({
        epoch: fc.string(),
        seq: fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER)),
      }),
      fc.record({ token: fc.oneof(fc.string(), fc.constant('bw_' + 'A'.repeat(43))) }),
    );
    await fc.assert(
      fc.asyncProperty(auth, async (a) => {
        const socket = ioClient(server.url, {
          transports: ['websocket'],
          reconnection: false,
          auth: a as Record<string, unknown>,
          timeout: 5000,
        });
        const outcome = await new Promise<string>((resolve) => {
          socket.on('live.hello', () => resolve('hello'));
          socket.on('connect_error', (err) => resolve(`refused: ${err.message}`));
          setTimeout(() => resolve('silence'), 8000);
        });
        socket.close();
        expect(outcome).not.toBe('silence');
        if (outcome.startsWith('refused')) expect(outcome.length).toBeGreaterThan('refused: '.length + 5);
        if (publicDashboard === '0') expect(outcome).toMatch(/^refused/);
        return true;
      }),
      { numRuns: 30 },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
