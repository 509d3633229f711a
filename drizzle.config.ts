import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema (npm run db:generate) and applied at start by Database.migrate (db/client.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
