/** The placeholder a chart occupies while its code loads: same box, so nothing moves after. */
export function ChartSkeleton() {
  return <div className="h-full w-full animate-pulse rounded-md bg-surface-2" aria-hidden />;
}

/** Laid over an all-zero chart, so an empty period reads as "nothing recorded", not as broken. */
export function EmptyChart({ text }: { text: string }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
      <p className="rounded-md bg-surface/90 px-3 py-1.5 text-sm text-muted">{text}</p>
    </div>
  );
}
