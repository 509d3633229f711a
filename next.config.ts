import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const config: NextConfig = {
  // Database drivers and the logger load from node_modules at run time, shared with the custom
  // server (bundling them breaks PGlite's WASM files and duplicates module state).
  serverExternalPackages: ['postgres', '@electric-sql/pglite', 'drizzle-orm', 'pino', 'socket.io'],
  poweredByHeader: false,
  // `npm run dev` is often opened as http://127.0.0.1:3000; let its dev resources load there too.
  allowedDevOrigins: ['127.0.0.1'],
  reactStrictMode: true,
  typedRoutes: false,
  // `npm start` builds with SKIP_BUILD_TYPECHECK=1: `npm run typecheck` (and `npx next build` in CI
  // and the Dockerfile, which do not set it) check the types; a first start need not wait for it.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  // forbidden() answers a signed-in person without the page's role with a real 403.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default config;
