/**
 * Transport security of the JSON API: response headers on every answer, and the cross-site write
 * check for cookie sessions. A browser attaches cookies to cross-site requests, so a write that
 * authenticates by cookie must come from a page of this site (its Origin, or Referer, matches
 * BASE_URL or the Host). Bearer requests are exempt: a foreign page cannot set that header.
 */
import type { MiddlewareHandler } from 'hono';
import { mayHoldStaffFields, toPublicView } from '../../core/access/public-view';
import { checkAccess, principalOf } from '../auth/guards';
import { hasSessionCookie } from '../auth/principal';
import { assertSameSite, type OriginEnv } from '../auth/site-origin';
import type { Env } from '../env';
import type { Runtime } from '../runtime';
import { mountedSpecs, type ApiApp, type RouteModule } from './route-spec';

const API_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // JSON is never a document: nothing may load from it or frame it.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function securityHeaders(env: Pick<Env, 'BASE_URL'>): MiddlewareHandler {
  const https = env.BASE_URL?.startsWith('https://') ?? false;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const set = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    try {
      for (const [name, value] of Object.entries(API_HEADERS)) set(name, value);
      // Answers depend on who asks: no shared cache may keep them.
      set('Cache-Control', 'no-store');
      if (https) set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    } catch {
      // An immutable Response (a fetch passthrough): copy it once to add the headers.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(API_HEADERS)) c.res.headers.set(name, value);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function crossSiteGuard(env: OriginEnv): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (/^Bearer\s/i.test(c.req.header('authorization') ?? '')) return next();
    if (!hasSessionCookie(c.req.header('cookie'))) return next();
    assertSameSite(
      env,
      { origin: c.req.header('origin'), referer: c.req.header('referer'), host: c.req.header('host') },
      'write',
    );
    return next();
  };
}

/** Routes that answer anyone although they are not declared through mount(). */
const OPEN_PATHS = new Set(['/api/health']);

/**
 * Deny by default: any /api path not declared through mount() (which guards each route itself)
 * needs read access for GET and the operator role for writes. So a new module is never public by
 * accident (stats, exports and imports get the right rule without wiring), and anonymous callers
 * learn nothing about which paths exist: an unknown path answers 401 before 404.
 */
export function defaultAccess(app: ApiApp, runtime: Runtime): MiddlewareHandler {
  let declared: { method: string; re: RegExp }[] | null = null;
  const isDeclared = (method: string, path: string) => {
    // Computed on first use: every module has mounted its routes by then.
    declared ??= mountedSpecs(app).map((s) => ({
      method: s.method.toUpperCase(),
      re: new RegExp(`^${s.path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
    }));
    return declared.some((d) => (d.method === method || (method === 'HEAD' && d.method === 'GET')) && d.re.test(path));
  };
  return async (c, next) => {
    const path = c.req.path;
    if (!OPEN_PATHS.has(path) && !path.startsWith('/api/auth/') && !isDeclared(c.req.method, path)) {
      await checkAccess(c, runtime, SAFE_METHODS.has(c.req.method) ? 'read' : 'operator');
    }
    return next();
  };
}

/**
 * Anonymous readers (PUBLIC_DASHBOARD=1) get every JSON answer through the public projection
 * (core/access/public-view.ts), whichever route made it. Streamed exports project their rows
 * themselves (they are attachments, not buffered here).
 */
export function publicProjection(runtime: Runtime): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!runtime.env.PUBLIC_DASHBOARD || !SAFE_METHODS.has(c.req.method)) return;
    if (!/^application\/json/i.test(c.res.headers.get('content-type') ?? '')) return;
    if (c.res.headers.get('content-disposition')?.startsWith('attachment')) return;
    if ((await principalOf(c, runtime).catch(() => null)) !== null) return;
    // Most answers (every stats answer) name no staff: they are served as written, not parsed,
    // walked and written again (1.2 ms of CPU for an all-time series).
    const bytes = await c.res.arrayBuffer();
    const text = new TextDecoder().decode(bytes);
    const headers = new Headers(c.res.headers);
    if (!mayHoldStaffFields(text)) {
      c.res = new Response(bytes, { status: c.res.status, headers });
      return;
    }
    headers.delete('content-length');
    c.res = new Response(JSON.stringify(toPublicView(JSON.parse(text) as unknown)), { status: c.res.status, headers });
  };
}

/** Registered first among the product's routes, so every route after it is covered. */
export const securityRoutes: RouteModule = (app, runtime) => {
  app.use('/api/*', crossSiteGuard(runtime.env));
  app.use('/api/*', defaultAccess(app, runtime));
  app.use('/api/*', publicProjection(runtime));
};
