/** Shown while synthetic demo records are stored: nobody should brief from invented numbers. */
export function DemoBanner() {
  return (
    <div
      role="note"
      data-synthetic-banner
      className="flex items-start gap-3 rounded-xl border border-warn/40 bg-warn-soft px-4 py-3 text-sm text-fg"
    >
      <span aria-hidden className="mt-0.5 text-lg leading-none">
        ⚠
      </span>
      <p>
        <strong className="font-semibold text-warn">Synthetic demo data.</strong> Some or all records on this dashboard
        were generated for demonstration and describe no real events. Do not cite these figures.
      </p>
    </div>
  );
}
