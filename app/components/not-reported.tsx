/** A figure the source did not give: shown as words, never as 0 (a reported 0 is a finding). */
export function NotReported({ short = false }: { short?: boolean }) {
  return (
    <span className="text-muted" title="The source gives no figure">
      {short ? '—' : 'not reported'}
    </span>
  );
}
