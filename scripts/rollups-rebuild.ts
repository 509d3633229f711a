// `npm run db:rollups:rebuild`: recomputes the rollup tables from the raw rows.
import { rebuildRollups } from '../db/rebuild-rollups';
import { openFromEnv, runTask } from './open-from-env';

await runTask('db:rollups:rebuild', async () => {
  const { database } = await openFromEnv();
  const started = Date.now();
  const cells = await rebuildRollups(database.db);
  console.log(
    `Rollups rebuilt in ${Date.now() - started} ms: ${cells.incidentCells} incident cells, ${cells.operationCells} operation cells.`,
  );
  await database.close();
});
