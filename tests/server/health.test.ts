import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';

describe.each(drivers)('the server on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('answers health with the database kind and the log position', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: driver, position: { seq: 0 } });
    expect(typeof body.position.epoch).toBe('string');
    // Idle connections outlive a load balancer's (60 s), so none is reused as this node closes it.
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('answers unknown API routes with a JSON 404 (and anonymous callers with a 401 first)', async () => {
    expect((await fetch(`${server.url}/api/nope`)).status).toBe(401);
    const token = await tokenFor(server, (await addUser(server, `viewer-${driver}@health.test`, 'viewer')).id);
    const res = await call(server, 'GET', '/api/nope', { token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('stops cleanly and frees the port', async () => {
    const other = await startTestServer(driver);
    const { port } = other;
    await other.destroy();
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});
