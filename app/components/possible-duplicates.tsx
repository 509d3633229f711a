/**
 * "N possible duplicates in this period": unresolved duplicate candidates whose records both count
 * in the figures until an operator resolves them (the review queue: /record/duplicates). The
 * overview keeps the count live (OverviewLive reads it again on `duplicates.changed`).
 */
export function PossibleDuplicates({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p
      data-testid="possible-duplicates"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {count === 1 ? '1 possible duplicate' : `${count.toLocaleString('en')} possible duplicates`} in this period: both
      records of each count until an operator resolves them.{' '}
      <a href="/record/duplicates" className="font-medium underline">
        Review them
      </a>
    </p>
  );
}
