/**
 * DEMO_LIVE: the server records a synthetic incident or operation on its own, through the verbs,
 * so live clients receive it like any other change; it stops with the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLiveEnabled } from '../../server/demo-live';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';

describe('when DEMO_LIVE is on by default', () => {
  it('follows the demo: the embedded database with synthetic records, unless set', () => {
    expect(demoLiveEnabled({ DEMO_LIVE: undefined }, 'pglite', true)).toBe(true);
    expect(demoLiveEnabled({ DEMO_LIVE: undefined }, 'pglite', false)).toBe(false);
    expect(demoLiveEnabled({ DEMO_LIVE: undefined }, 'postgres', true)).toBe(false);
    expect(demoLiveEnabled({ DEMO_LIVE: '1' }, 'postgres', false)).toBe(true);
    expect(demoLiveEnabled({ DEMO_LIVE: '0' }, 'pglite', true)).toBe(false);
  });
});

describe.each(drivers)('DEMO_LIVE=1 on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1', DEMO_LIVE: '1', DEMO_LIVE_EVERY_S: '1' } });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('records synthetic records now through the normal write path; clients receive them', async () => {
    const client = connectLive(server.url);
    try {
      await client.waitFor(() => client.changes.filter((c) => c.action === 'created').length >= 2, 30_000);
      const created = client.changes.filter((c) => c.action === 'created');
      for (const c of created) {
        const data = c.data as { synthetic: boolean; occurredAt: string };
        expect(['incident', 'operation']).toContain(c.entity);
        expect(data.synthetic).toBe(true);
        expect(Date.parse(data.occurredAt)).toBeLessThanOrEqual(Date.now());
      }
      const first = created[0]!;
      const position = await server.runtime.reads.position();
      const history = await server.runtime.reads.history(position.epoch, first.entity, first.id);
      expect(history[0]!.actor).toBe('system:demo-live');
    } finally {
      client.close();
    }
  });
});
