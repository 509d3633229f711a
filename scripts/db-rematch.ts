// `npm run db:rematch`: re-derives the group of every stored record from its actors, after groups
// or aliases changed, through the normal versioned write path (core/group/rematch-groups.ts).
import { userInfo } from 'node:os';
import { rematchGroups } from '../core/group/rematch-groups';
import { rematchRecords } from '../db/queries/rematch-records';
import { createWriteContext } from '../db/write-context';
import { openFromEnv, runTask } from './open-from-env';

await runTask('db:rematch', async () => {
  const { database } = await openFromEnv();
  try {
    const actor = { id: null, label: `cli:rematch (${userInfo().username})`, role: 'system' as const };
    const report = await rematchGroups({
      ctx: createWriteContext(database).ctx(actor),
      records: rematchRecords(database.db),
    });
    console.log(JSON.stringify(report));
  } finally {
    await database.close();
  }
});
