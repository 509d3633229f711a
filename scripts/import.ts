// `npm run import -- [--format acled|ucdp|gtd] FILE [--operations]`: imports a source CSV (ACLED,
// UCDP GED or GTD; without --format the file's header decides) into the database the app uses (DATABASE_URL, or the embedded DATA_DIR), streaming the file. A progress
// bar goes to stderr; the report, as one line of JSON, is the last thing on stdout.
// Exit code: 0 when the import ran to the end (row errors are in the report), 2 when it stopped
// early (unusable file, database lost: the report's `stopped` says why), 1 when it could not start.
import { createReadStream, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isUnusableFile, type ImportProgress, type ImportReport } from '../core/import/import-report';
import { formatOf } from '../core/import/adapters';
import { IMPORT_FORMATS } from '../core/import/source-adapter';
import { createWriteContext } from '../db/write-context';
import { openFromEnv, runCommand } from './open-from-env';

const USAGE = 'usage: npm run import -- [--format acled|ucdp|gtd] FILE [--operations]';

class UsageError extends Error {}

function fileSize(file: string): number {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`${file} is not a file. ${USAGE}`);
    return stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** The account running the command; a container without a passwd entry has none. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown user';
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A bar on a terminal (redrawn in place), a line every few seconds in a log. */
function progressBar(total: number) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  const line = (p: ImportProgress) => {
    const share = total > 0 ? Math.min(1, p.bytesRead / total) : 1;
    const width = 24;
    const filled = Math.round(share * width);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return (
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ` +
      `${mb(p.bytesRead)}/${mb(total)} MB  ${Math.round(p.rows / seconds)} rows/s  ` +
      `rows ${p.rows} (imported ${p.imported}, updated ${p.updated}, skipped ${p.skipped}, errors ${p.errorCount})`
    );
  };
  return {
    update(p: ImportProgress) {
      const now = Date.now();
      if (now - last < (tty ? 100 : 2000)) return;
      last = now;
      process.stderr.write(tty ? `\r${line(p)}\u001b[K` : `${line(p)}\n`);
    },
    done(report: ImportReport) {
      const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
      const final = line({
        rows: report.rows,
        imported: report.imported,
        updated: report.updated,
        skipped,
        errorCount: report.errorCount,
        bytesRead: total,
      });
      process.stderr.write(tty ? `\r${final}\u001b[K\n` : `${final}\n`);
      if (report.stopped) process.stderr.write(`stopped at line ${report.stopped.line}: ${report.stopped.message}\n`);
    },
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      operations: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const format = formatOf(values.format);
  if (values.format !== undefined && format === undefined)
    throw new UsageError(`Unknown format "${values.format}": use ${IMPORT_FORMATS.join(', ')}. ${USAGE}`);
  if (positionals.length !== 1) throw new UsageError(`Give exactly one FILE. ${USAGE}`);
  const file = path.resolve(positionals[0]!);
  const total = fileSize(file);

  const { database } = await openFromEnv();
  try {
    // The audit trail names the command and the account that ran it.
    const actor = { id: null, label: `cli:import (${osUser()})`, role: 'system' as const };
    const { ctx, writes } = createWriteContext(database);
    const bar = progressBar(total);
    const report = await writes.importFile({
      ctx: ctx(actor),
      input: createReadStream(file),
      format,
      options: { operations: values.operations },
      onProgress: bar.update,
    });
    bar.done(report);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    if (isUnusableFile(report)) process.stderr.write('import: nothing could be read from this file\n');
    return report.stopped ? 2 : 0;
  } finally {
    await database.close();
  }
}

await runCommand('import', main, {
  whileAppRuns:
    'Stop it first, or import while it runs through the admin page or POST /api/import with an operator token.',
  isUsage: (err) => err instanceof UsageError,
});
