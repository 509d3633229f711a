// `npm run db:rollups:rebuild`: recomputes the rollup tables from the raw rows, in REPORT_TIMEZONE.
import { rebuildRollups } from '../db/rollups/rebuild';
import { openFromEnv, runTask } from './open-from-env';

await runTask('db:rollups:rebuild', async () => {
  // The one command that may open rollups built in another zone: it rebuilds them.
  const { env, database } = await openFromEnv({ checkZone: false });
  const started = Date.now();
  const cells = await rebuildRollups(database.db, env.REPORT_TIMEZONE);
  const moved =
    cells.previousZone && cells.previousZone !== env.REPORT_TIMEZONE
      ? ` (from ${cells.previousZone}; records known to the day moved to the same dates in ${env.REPORT_TIMEZONE})`
      : '';
  console.log(
    `Rollups rebuilt for ${env.REPORT_TIMEZONE}${moved} in ${Date.now() - started} ms: ${cells.incidentCells} incident cells, ${cells.operationCells} operation cells.`,
  );
  await database.close();
});
