// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded DATA_DIR.
import { openFromEnv, runTask } from './open-from-env';

await runTask('db:migrate', async () => {
  const { database } = await openFromEnv();
  console.log(`Migrations applied (${database.kind}).`);
  await database.close();
});
