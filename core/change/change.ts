/** The live protocol's nouns: a position in the change log and a change as clients receive it. */
import type { ChangeAction, Entity } from '../enums';

/** Where a client or snapshot stands: `epoch` names the history, `seq` the last change applied. */
export interface Position {
  epoch: string;
  seq: number;
}

export interface Change<T = unknown> {
  epoch: string;
  seq: number;
  at: string;
  entity: Entity;
  action: ChangeAction;
  id: string;
  version: number;
  /** The entity as the read API returns it after the change. */
  data: T;
}

/** A change-log row as stored: the change plus who made it and the record before. */
export interface ChangeRecord<T = unknown> extends Change<T> {
  actor: string | null;
  before: T | null;
}

/** How many changes a reconnecting client may be behind and still be replayed. */
export const MAX_REPLAY = 1000;
