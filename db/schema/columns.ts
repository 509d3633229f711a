/** Column groups and CHECK helpers shared by the table files. */
import { sql, type SQL } from 'drizzle-orm';
import { integer, text, timestamp } from 'drizzle-orm/pg-core';

/** `col IN ('a','b',…)` from one of core's enum tuples, so the database rejects what zod rejects. */
export function oneOf(column: string, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return sql.raw(`"${column}" IN (${list})`);
}

/** Version, authorship and retraction: every recorded entity carries them; none is hard-deleted. */
export const versionedColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  createdBy: text('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
  retractedAt: timestamp('retracted_at', { withTimezone: true, mode: 'string' }),
  retractedBy: text('retracted_by'),
  retractionReason: text('retraction_reason'),
});
