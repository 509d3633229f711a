/** Who may see or change a rule or view: its owner, and admins. */
import { DomainError, NotFoundError } from '../errors';
import type { Actor } from '../ports';

export function ownerIdOf(actor: Actor): string {
  if (!actor.id)
    throw new DomainError('unauthenticated', 'Alerts and saved views belong to an account: sign in first.');
  return actor.id;
}

/** A record of someone else reads as missing (its existence is not disclosed to other users). */
export function assertOwner(actor: Actor, ownerId: string, what: string, id: string): void {
  if (actor.role === 'admin' || actor.id === ownerId) return;
  throw new NotFoundError(what, id);
}
