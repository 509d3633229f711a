import type { ApiApp } from './route-spec';
import type { Runtime } from '../runtime';

/** GET /api/health: ok with the database kind and the log position, or 503 degraded. */
export function healthRoutes(app: ApiApp, runtime: Runtime) {
  app.get('/api/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await runtime.database.ping(1500);
      const position = await runtime.reads.position();
      return c.json({ status: 'ok', database: runtime.database.kind, position });
    } catch (err) {
      return c.json(
        {
          status: 'degraded',
          database: runtime.database.kind,
          position: runtime.hub.position,
          error: { code: 'unavailable', message: `The database is not answering: ${(err as Error).message}` },
        },
        503,
      );
    }
  });
}
