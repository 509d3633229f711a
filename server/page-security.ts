/**
 * Headers the custom server sets on pages, and HSTS on every answer. Pages get a fresh nonce per
 * request and a Content-Security-Policy that runs only scripts carrying it ('strict-dynamic' lets
 * them load Next's chunks): Next reads the nonce from the request's Content-Security-Policy header
 * and puts it on its own scripts; the layout reads it from NONCE_HEADER for the theme script.
 * Set here rather than in a Next proxy so it comes from the one parsed env (BASE_URL, dev mode).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Env } from './env';
import { NONCE_HEADER } from './runtime';

export const HSTS = 'max-age=31536000; includeSubDomains';

export function pagePolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Dev: React's call-stack tooling evaluates code, and the HMR socket is ws://.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    // Charts and layout use style attributes, which a nonce cannot cover; scripts are the risk.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function createPageSecurity(env: Pick<Env, 'BASE_URL'>, dev: boolean) {
  const https = env.BASE_URL?.startsWith('https://') ?? false;
  return {
    /** Every answer (pages, API, the socket's polling): HSTS when the site is served over https. */
    everyAnswer(res: ServerResponse): void {
      if (https) res.setHeader('Strict-Transport-Security', HSTS);
    },
    /** A page request: a new nonce into the request (for Next) and the policy onto the answer. */
    page(req: IncomingMessage, res: ServerResponse): void {
      const nonce = randomBytes(16).toString('base64');
      const policy = pagePolicy(nonce, { dev, https });
      // Overwrites whatever the client sent: the nonce must be ours.
      req.headers['content-security-policy'] = policy;
      req.headers[NONCE_HEADER] = nonce;
      delete req.headers['content-security-policy-report-only'];
      res.setHeader('Content-Security-Policy', policy);
    },
  };
}
