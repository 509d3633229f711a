/** A page's title row, and the notice shown when the URL carried filters that were not understood. */
export function PageHeading({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        {subtitle && <p className="text-sm text-muted">{subtitle}</p>}
      </div>
      {actions}
    </div>
  );
}

export function ViewProblems({ problems }: { problems: Record<string, string> }) {
  return (
    <div role="alert" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-2 text-sm text-fg">
      <p className="font-semibold text-danger">
        Some filters in the address were not understood; showing the default view.
      </p>
      <ul className="mt-1 list-disc pl-5 text-xs">
        {Object.entries(problems).map(([k, v]) => (
          <li key={k}>
            <code>{k}</code>: {v}
          </li>
        ))}
      </ul>
    </div>
  );
}
