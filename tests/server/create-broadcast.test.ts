/**
 * An HTTP create reaches the other dashboards: a real server on port 0, the writer's own socket and
 * another user's socket (each signed in with an API token), and POST /api/incidents through the
 * same verb every transport uses. The other client receives the change once, with the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor } from './api-support';

describe.each(drivers)('an HTTP create on %s', (driver) => {
  let server: TestServer;
  let operator: string;
  let viewer: string;
  beforeAll(async () => {
    server = await startTestServer(driver);
    operator = await tokenFor(server, (await addUser(server, 'writer@broadcast.test', 'operator')).id);
    viewer = await tokenFor(server, (await addUser(server, 'watcher@broadcast.test', 'viewer')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('is broadcast to the other client exactly once', async () => {
    const own = connectLive(server.url, { token: operator });
    const other = connectLive(server.url, { token: viewer });
    await own.waitFor(() => own.hellos.length === 1);
    await other.waitFor(() => other.hellos.length === 1);

    const first = await call(server, 'POST', '/api/incidents', { token: operator, body: incidentInput(1) });
    expect(first.status).toBe(201);
    // A second create after it: once it has arrived, any repeat of the first would have too.
    const second = await call(server, 'POST', '/api/incidents', { token: operator, body: incidentInput(2) });
    expect(second.status).toBe(201);
    await other.waitFor(() => other.changes.some((c) => c.id === second.body.incident.id));

    const received = other.changes.filter((c) => c.id === first.body.incident.id);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      entity: 'incident',
      action: 'created',
      version: 1,
      seq: first.body.change.seq,
      epoch: first.body.change.epoch,
      data: { id: first.body.incident.id, summary: 'test incident 1' },
    });
    expect(other.changes.map((c) => c.seq)).toEqual([first.body.change.seq, second.body.change.seq]);
    await own.waitFor(() => own.changes.length === 2);
    own.close();
    other.close();
  });
});
