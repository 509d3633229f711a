/**
 * The JSON API, served by the custom server before Next (docs/adr/0002-api-outside-next.md).
 * Route modules register themselves here; errors are mapped in one place.
 */
import { Hono } from 'hono';
import { DomainError } from '../../core/errors';
import type { Runtime } from '../runtime';
import type { ApiApp, ApiEnv, RouteModule } from './route-spec';
import { errorResponse } from './errors';
import { healthRoutes } from './health';
import { securityHeaders } from './security';

export function createApi(runtime: Runtime, modules: RouteModule[] = []): ApiApp {
  const app: ApiApp = new Hono<ApiEnv>();
  app.use('*', async (c, next) => {
    c.set('runtime', runtime);
    await next();
  });
  // Before every route (health and 404s included): nosniff, CSP, frame-ancestors, no-store.
  app.use('*', securityHeaders(runtime.env));
  healthRoutes(app, runtime);
  for (const register of modules) register(app, runtime);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError((err, c) => {
    const mapped = errorResponse(c, err);
    if (mapped) return mapped;
    runtime.log.error({ err, path: c.req.path, method: c.req.method }, 'unexpected API error');
    const code = err instanceof DomainError ? err.code : 'internal';
    return c.json({ error: { code, message: 'Something went wrong on the server; the error was logged.' } }, 500);
  });
  return app;
}
