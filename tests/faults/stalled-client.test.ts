/**
 * A client that stops reading (its TCP socket paused, as a frozen browser tab or a congested link
 * would) does not slow the others: they receive every change as fast as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Socket } from 'node:net';
import { createIncident } from '../../core/incident/create-incident';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';

const actor = { id: null, label: 'stall-test', role: 'operator' as const };

/** Speaks Engine.IO v4 / Socket.IO v5 over a raw websocket, then stops reading. */
async function stalledClient(url: string): Promise<{ ws: WebSocket; pause: () => void }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send('40{}'); // Engine.IO open → Socket.IO connect with empty auth
      if (text.startsWith('40')) resolve();
      if (text === '2') ws.send('3'); // ping → pong
    });
  });
  return { ws, pause: () => (ws as unknown as { _socket: Socket })._socket.pause() };
}

describe('a stalled client', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { env: { PUBLIC_DASHBOARD: '1' } });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('does not slow the others', async () => {
    const stalled = await stalledClient(server.url);
    const healthy = Array.from({ length: 3 }, () => connectLive(server.url));
    for (const c of healthy) await c.waitFor(() => c.hellos.length === 1);
    stalled.pause();
    const ctx = server.runtime.ctx(actor);
    // Large summaries fill the stalled socket's buffers quickly.
    const big = 'x'.repeat(4900);
    const started = Date.now();
    for (let i = 0; i < 300; i++) {
      await createIncident({
        ctx,
        input: { occurredAt: '2025-02-01T10:00:00Z', province: 'KP', type: 'clash', summary: `${i} ${big}` },
      });
    }
    const written = Date.now() - started;
    for (const c of healthy) await c.waitFor(() => c.changes.length === 300, 10_000);
    const drained = Date.now() - started;
    // The healthy clients finish within a moment of the last write, not at the stalled one's pace.
    expect(drained - written).toBeLessThan(2000);
    for (const c of healthy) {
      expect(c.changes.map((x) => x.seq)).toEqual(Array.from({ length: 300 }, (_, i) => c.changes[0]!.seq + i));
      c.close();
    }
    stalled.ws.terminate();
  });
});
