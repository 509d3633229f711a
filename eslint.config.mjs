import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const frameworks = [
  'next',
  'next/*',
  'react',
  'react-dom',
  'react/*',
  'socket.io',
  'socket.io-client',
  'drizzle-orm',
  'drizzle-orm/*',
  'postgres',
  '@electric-sql/pglite',
  'hono',
  'hono/*',
  'better-auth',
  'better-auth/*',
  'pino',
  'recharts',
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'db/migrations/**',
      'test-results/**',
      'next-env.d.ts',
      'bench/results/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The domain stays framework-free: no web framework, UI, transport or database in core/.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: frameworks,
              message: 'core/ is framework-free: no next, react, socket.io, drizzle, hono or database imports.',
            },
            {
              group: ['**/db/**', '**/server/**', '**/app/**', '@/db/*', '@/server/*', '@/app/*'],
              message: 'core/ must not depend on db/, server/ or app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages and components reach the server only through the shared runtime (Next compiles app/ in its
    // own module graph; server/runtime.ts explains why), plus types; the database never directly.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db/*', '@/db', '**/db/*'],
              message: 'app/ reads through getRuntime().reads (server/read-model.ts), not db/.',
            },
            {
              group: ['@/server/*', '**/server/*', '!@/server/runtime'],
              allowTypeImports: true,
              message: 'app/ may import only getRuntime from server/ (and types): reach the rest through the runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    // The database layer serves the server and the CLI; it knows neither.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/server/*', '@/app/*', '**/server/*', '**/app/*'],
              message: 'db/ must not depend on server/ or app/.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
