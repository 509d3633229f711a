/** Every link field (incident and operation sources, reference figures, annotations) takes http(s) only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, annotationInput, call, figureInput, incidentInput, operationInput, tokenFor } from './api-support';

const BAD = ['data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.org/a'];

describe.each(drivers)('link fields on %s', (driver) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('refuses any other scheme with the field named, and keeps http(s) links', async () => {
    const cases: [string, (url: string) => unknown, string][] = [
      ['/api/reference-figures', (url) => ({ ...figureInput(), sourceUrl: url }), 'sourceUrl'],
      ['/api/annotations', (url) => ({ ...annotationInput(), sourceUrl: url }), 'sourceUrl'],
      ['/api/incidents', (url) => ({ ...incidentInput(), sources: [{ name: 'S', url }] }), 'sources.0.url'],
      ['/api/operations', (url) => ({ ...operationInput(), sources: [{ name: 'S', url }] }), 'sources.0.url'],
    ];
    for (const [path, body, field] of cases) {
      for (const url of BAD) {
        const res = await call(server, 'POST', path, { token, body: body(url) });
        expect(res.status, `${path} ${url}`).toBe(400);
        expect(Object.keys(res.body.error.fields), path).toContain(field);
      }
      const ok = await call(server, 'POST', path, { token, body: body('https://www.dawn.com/news/1') });
      expect(ok.status, `${path} ${JSON.stringify(ok.body)}`).toBe(201);
    }
    const none = await call(server, 'POST', '/api/annotations', {
      token,
      body: { ...annotationInput(), sourceUrl: '' },
    });
    expect(none.status).toBe(201);
    expect(none.body.annotation.sourceUrl).toBeNull();
  });
});
