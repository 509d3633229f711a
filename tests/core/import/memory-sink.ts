/** Test-only sink: remembers records by externalId and checks the promises the importer makes. */
import type { ImportItem, ImportSink, WriteOutcome } from '../../../core/import/import-sink';

export class MemorySink implements ImportSink {
  readonly records = new Map<string, ImportItem>();
  readonly batchSizes: number[] = [];
  /** Broken promises of ImportSink (empty batch, repeated externalId in a batch); must stay empty. */
  readonly violations: string[] = [];

  constructor(private readonly answer?: (item: ImportItem, batchNo: number) => WriteOutcome | 'throw') {}

  async writeBatch(items: readonly ImportItem[]): Promise<WriteOutcome[]> {
    const batchNo = this.batchSizes.length;
    this.batchSizes.push(items.length);
    if (items.length === 0) this.violations.push(`batch ${batchNo} is empty`);
    if (new Set(items.map((i) => i.externalId)).size !== items.length)
      this.violations.push(`batch ${batchNo} repeats an externalId`);
    await Promise.resolve(); // answer asynchronously, as a database would
    return items.map((item) => {
      const answer = this.answer?.(item, batchNo);
      if (answer === 'throw') throw new Error('connection terminated unexpectedly');
      if (answer !== undefined) return answer;
      const outcome = this.records.has(item.externalId) ? 'changed' : 'imported';
      this.records.set(item.externalId, item);
      return outcome;
    });
  }
}

export function accounted(report: {
  imported: number;
  updated: number;
  skipped: Record<string, number>;
  errorCount: number;
}): number {
  return (
    report.imported + report.updated + Object.values(report.skipped).reduce((a, b) => a + b, 0) + report.errorCount
  );
}
