/**
 * The actors as the source named them, verbatim, with their role (ACLED's actor1 … assoc_actor_2
 * and inter code, or a form's free-text perpetrator). The matched group is shown apart: it is our
 * derivation, this is what the source said.
 */
import type { Actor } from '@/core/common-schemas';

const ROLE_LABELS: Record<Actor['role'], string> = {
  actor1: 'Actor 1',
  assoc_actor_1: 'With actor 1',
  actor2: 'Actor 2',
  assoc_actor_2: 'With actor 2',
  perpetrator: 'Perpetrator (as entered)',
};

export function ActorList({ actors, compact = false }: { actors: readonly Actor[]; compact?: boolean }) {
  if (actors.length === 0) return <span className="text-muted">None named by the source</span>;
  if (compact)
    return (
      <span className="text-xs text-muted" title={actors.map((a) => `${ROLE_LABELS[a.role]}: ${a.name}`).join('\n')}>
        {actors.map((a) => a.name).join(' · ')}
      </span>
    );
  return (
    <ul className="space-y-0.5" data-testid="actor-list">
      {actors.map((a, i) => (
        <li key={`${a.role}-${i}`}>
          <span className="text-xs text-muted">{ROLE_LABELS[a.role]}:</span> <span className="text-fg">{a.name}</span>
          {a.inter !== null && a.inter !== '' && <span className="text-xs text-muted"> (inter {a.inter})</span>}
        </li>
      ))}
    </ul>
  );
}
