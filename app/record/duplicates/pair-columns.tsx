/** Two records side by side, field by field, with the fields that differ marked. */
import { casualtyTotals, type Incident } from '@/core/incident/schema';
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS } from '@/core/enums';
import { localDateTime } from '@/core/time/report-zone';

const figure = (side: { low: number; high: number; hasHigh: boolean; reported: boolean }) =>
  !side.reported
    ? 'not reported'
    : side.hasHigh && side.high > side.low
      ? `${side.low}–${side.high}`
      : String(side.low);

function rows(r: Incident, zone: string): [string, string][] {
  const totals = casualtyTotals(r.casualties);
  return [
    [
      'When',
      `${localDateTime(r.occurredAt, zone).slice(0, r.timePrecision === 'exact' ? 16 : 10)} (${r.timePrecision})`,
    ],
    ['Where', [r.place, r.district, PROVINCE_LABELS[r.province]].filter(Boolean).join(', ')],
    [
      'Coordinates',
      r.latitude === null ? 'none' : `${r.latitude.toFixed(3)}, ${r.longitude!.toFixed(3)} (${r.geoPrecision})`,
    ],
    ['Type', INCIDENT_TYPE_INFO[r.type].label],
    ['Group', r.groupName ?? 'unknown'],
    ['Killed', figure(totals.killed)],
    ['Injured', figure(totals.injured)],
    ['Sources', r.sources.map((s) => s.name).join('; ') || 'none'],
    ['Source id', r.externalId ?? 'recorded here'],
    ['Verification', r.verification],
    ['Summary', r.summary ?? ''],
  ];
}

export function PairColumns({ a, b, zone }: { a: Incident; b: Incident; zone: string }) {
  const left = rows(a, zone);
  const right = rows(b, zone);
  return (
    <table className="w-full table-fixed border-collapse rounded-lg border border-line bg-surface text-sm shadow-card">
      <thead>
        <tr className="text-left text-muted">
          <th className="w-28 p-2 font-normal" />
          <th className="p-2 font-medium">
            <a href={`/incidents/${a.id}`} className="text-accent hover:underline">
              Record A
            </a>
          </th>
          <th className="p-2 font-medium">
            <a href={`/incidents/${b.id}`} className="text-accent hover:underline">
              Record B
            </a>
          </th>
        </tr>
      </thead>
      <tbody>
        {left.map(([label, va], i) => {
          const vb = right[i]![1];
          const differs = va !== vb;
          return (
            <tr key={label} className="border-t border-line align-top">
              <th className="p-2 text-left font-normal text-muted">{label}</th>
              <td className={`p-2 break-words ${differs ? 'bg-amber-500/10' : ''}`}>{va}</td>
              <td className={`p-2 break-words ${differs ? 'bg-amber-500/10' : ''}`}>{vb}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
