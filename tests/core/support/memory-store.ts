/**
 * An in-memory Store for pure core tests: implements core/ports WriteTx with Maps, serialises
 * transactions and rolls a failed one back (each transaction works on copies that replace the
 * committed state only when `fn` resolves), so verbs can be exercised without a database.
 * Not a model of Postgres: no row locks, no isolation levels, rollups summed naively.
 */
import type { Annotation } from '../../../core/annotation/schema';
import type { Change } from '../../../core/change/change';
import type { Group } from '../../../core/group/schema';
import type { Incident } from '../../../core/incident/schema';
import type { Operation } from '../../../core/operation/schema';
import { UniqueViolationError } from '../../../core/errors';
import type { Actor, AppendChange, Ctx, IdempotencyRecord, RecordRepo, Store, WriteTx } from '../../../core/ports';
import type { ReferenceFigure } from '../../../core/reference-figure/schema';
import { DEFAULT_REPORT_ZONE } from '../../../core/time/report-zone';
import type { RollupDelta } from '../../../core/rollup/incident-rollup';

export interface MemoryState {
  incidents: Map<string, Incident>;
  operations: Map<string, Operation>;
  groups: Map<string, Group>;
  referenceFigures: Map<string, ReferenceFigure>;
  annotations: Map<string, Annotation>;
  changes: Change[];
  /** Rollup cells keyed by the JSON of their key; measures summed. */
  incidentRollup: Map<string, Record<string, number>>;
  operationRollup: Map<string, Record<string, number>>;
  /** Idempotency-Key answers by actor, route and key. */
  idempotency: Map<string, IdempotencyRecord>;
  /** externalId → id, so importer-sized tests do not scan every row per lookup. */
  externalIds: { incidents: Map<string, string>; operations: Map<string, string> };
}

const emptyState = (): MemoryState => ({
  incidents: new Map(),
  operations: new Map(),
  groups: new Map(),
  referenceFigures: new Map(),
  annotations: new Map(),
  changes: [],
  incidentRollup: new Map(),
  operationRollup: new Map(),
  idempotency: new Map(),
  externalIds: { incidents: new Map(), operations: new Map() },
});

// Records are replaced, never mutated, by the verbs, so shallow copies of the maps suffice.
const copyState = (s: MemoryState): MemoryState => ({
  incidents: new Map(s.incidents),
  operations: new Map(s.operations),
  groups: new Map(s.groups),
  referenceFigures: new Map(s.referenceFigures),
  annotations: new Map(s.annotations),
  changes: [...s.changes],
  incidentRollup: new Map(s.incidentRollup),
  operationRollup: new Map(s.operationRollup),
  idempotency: new Map(s.idempotency),
  externalIds: { incidents: new Map(s.externalIds.incidents), operations: new Map(s.externalIds.operations) },
});

function repo<T extends { id: string }>(map: Map<string, T>): RecordRepo<T> {
  return {
    get: async (id) => map.get(id) ?? null,
    insert: async (record) => {
      if (map.has(record.id)) throw new Error(`duplicate id ${record.id}`);
      map.set(record.id, record);
    },
    update: async (record) => {
      if (!map.has(record.id)) throw new Error(`no row ${record.id}`);
      map.set(record.id, record);
    },
  };
}

function applyRollup<K, M extends object>(cells: Map<string, Record<string, number>>, deltas: RollupDelta<K, M>[]) {
  for (const { key, measures } of deltas) {
    const k = JSON.stringify(key);
    const cell = { ...(cells.get(k) ?? {}) };
    for (const [m, v] of Object.entries(measures) as Array<[string, number]>) cell[m] = (cell[m] ?? 0) + v;
    cells.set(k, cell);
  }
}

const findBy = <T>(map: Map<string, T>, pick: (r: T) => string | null, value: string): T | null => {
  for (const r of map.values()) if (pick(r) === value) return r;
  return null;
};

/** A repo that keeps the externalId index in step with inserts and updates. */
function indexedRepo<T extends { id: string; externalId: string | null }>(
  map: Map<string, T>,
  index: Map<string, string>,
) {
  const base = repo(map);
  const unindexPrevious = (record: T) => {
    const previous = map.get(record.id)?.externalId;
    if (previous && index.get(previous) === record.id) index.delete(previous);
  };
  return {
    get: base.get,
    insert: async (record: T) => {
      await base.insert(record);
      if (record.externalId) index.set(record.externalId, record.id);
    },
    update: async (record: T) => {
      unindexPrevious(record);
      await base.update(record);
      if (record.externalId) index.set(record.externalId, record.id);
    },
    findByExternalId: async (externalId: string) => {
      const id = index.get(externalId);
      return id === undefined ? null : (map.get(id) ?? null);
    },
    insertMany: async (records: T[]) => {
      for (const record of records) {
        await base.insert(record);
        if (record.externalId) index.set(record.externalId, record.id);
      }
    },
    findByExternalIds: async (externalIds: string[]) =>
      externalIds.flatMap((e) => {
        const id = index.get(e);
        const r = id === undefined ? undefined : map.get(id);
        return r ? [r] : [];
      }),
  };
}

function txOver(s: MemoryState, epoch: string): WriteTx {
  const append = (c: AppendChange): Change => {
    const change: Change = {
      epoch,
      seq: s.changes.length + 1,
      at: new Date(0).toISOString(),
      entity: c.entity,
      action: c.action,
      id: c.id,
      version: c.version,
      data: c.after,
    };
    s.changes.push(change);
    return change;
  };
  return {
    incidents: indexedRepo(s.incidents, s.externalIds.incidents),
    operations: indexedRepo(s.operations, s.externalIds.operations),
    groups: {
      ...repo(s.groups),
      findByShortName: async (name) => findBy(s.groups, (g) => g.shortName.toLowerCase(), name.toLowerCase()),
    },
    referenceFigures: repo(s.referenceFigures),
    annotations: repo(s.annotations),
    appendChange: async (c: AppendChange) => append(c),
    appendChanges: async (cs: AppendChange[]) => cs.map(append),
    idempotency: {
      get: async ({ key, actor, route }) => s.idempotency.get(JSON.stringify([actor, route, key])) ?? null,
      put: async (record) => {
        const k = JSON.stringify([record.actor, record.route, record.key]);
        if (s.idempotency.has(k)) throw new UniqueViolationError('idempotency_keys_pkey');
        s.idempotency.set(k, record);
      },
    },
    changesOf: async (entity, id) => s.changes.filter((c) => c.entity === entity && c.id === id),
    reportZone: DEFAULT_REPORT_ZONE,
    applyIncidentRollup: async (write) => applyRollup(s.incidentRollup, write.cube),
    applyOperationRollup: async (write) => applyRollup(s.operationRollup, write.cube),
  };
}

export interface MemoryStore extends Store {
  /** The committed state (read it, do not write it). */
  readonly state: MemoryState;
  transactions: number;
}

export function createMemoryStore(epoch = 'memory'): MemoryStore {
  let committed = emptyState();
  let queue: Promise<unknown> = Promise.resolve();
  const store: MemoryStore = {
    get state() {
      return committed;
    },
    transactions: 0,
    transact<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
      const run = async () => {
        const working = copyState(committed);
        const result = await fn(txOver(working, epoch));
        committed = working;
        store.transactions++;
        return result;
      };
      // One transaction at a time, like a single PGlite connection.
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
  return store;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system:test', role: 'system' };

/** A Ctx over a memory store, with a fixed clock and counting ids (valid UUID shape). */
export function createMemoryCtx(
  store: Store = createMemoryStore(),
  now = new Date('2026-01-17T00:00:00Z'),
): Ctx & { store: Store } {
  let n = 0;
  return {
    store,
    actor: SYSTEM_ACTOR,
    now: () => now,
    reportZone: DEFAULT_REPORT_ZONE,
    newId: () => {
      n++;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}
