/** The placeholder a chart occupies while its code loads: same box, so nothing moves after. */
export function ChartSkeleton() {
  return <div className="h-full w-full animate-pulse rounded-md bg-surface-2" aria-hidden />;
}
