/**
 * Resolving a duplicate candidate: merge (one survivor keeps every source; the other record is
 * retracted "merged into <id>"), dismiss (never proposed again), later; and split, which undoes a
 * merge. Each is one transaction through the versioned write path (change log, rollups, live), so
 * every aggregate counts a merged event once (docs/adr/0024-duplicates.md). Each runs exactly once
 * (core/write/answer-once.ts): its answer is stored in its transaction, so a retry after a lost
 * commit, or a repeat with the same Idempotency-Key, gets the answer instead of "already merged".
 */
import { ConflictError, DomainError, NotFoundError, parseInput } from '../errors';
import { incidentKind } from '../incident/incident-kind';
import type { Incident } from '../incident/schema';
import type { Ctx, WriteTx } from '../ports';
import { planWrite, retractRecord, updateRecord, type WritePlan, type WriteResult } from '../versioned-record';
import type { Change } from '../change/change';
import { answerOnce, type Answered } from '../write/answer-once';
import type { RetryPolicy } from '../write/exactly-once';
import { planMerge, splitPatch, type MergeStep } from './merge-fields';
import type { DuplicatesTx, IncidentMerge } from './ports';
import { MergeInput, SplitInput, UNRESOLVED, type CandidateStatus, type DuplicateCandidate } from './schema';

/** What every resolution takes besides its own arguments. */
interface ResolutionArgs {
  ctx: Ctx;
  id: string;
  idempotencyKey?: string;
  retry?: RetryPolicy;
}

export const mergedReason = (survivorId: string) => `merged into ${survivorId}`;
/** The survivor's id when `reason` is a merge's retraction reason, else null. */
export const mergedIntoId = (reason: string | null): string | null =>
  /^merged into ([0-9a-f-]{36})$/i.exec(reason ?? '')?.[1] ?? null;

const position = (c: Change) => ({ epoch: c.epoch, seq: c.seq });

function duplicatesOf(tx: WriteTx): DuplicatesTx {
  if (!tx.duplicates) throw new Error('this store does not keep duplicate candidates');
  return tx.duplicates;
}

async function openCandidate(dup: DuplicatesTx, id: string): Promise<DuplicateCandidate> {
  const candidate = await dup.lockCandidate(id);
  if (!candidate) throw new NotFoundError('Duplicate candidate', id);
  if (!UNRESOLVED.includes(candidate.status))
    throw new ConflictError(`duplicate candidate ${id} is already ${candidate.status}`, candidate);
  return candidate;
}

async function liveIncident(tx: WriteTx, id: string): Promise<Incident> {
  const record = await tx.incidents.get(id, { lock: true });
  if (!record) throw new NotFoundError('Incident', id);
  if (record.retractedAt)
    throw new ConflictError(`incident ${id} was retracted (${record.retractionReason ?? 'no reason'})`, record);
  return record;
}

export interface MergeAnswer {
  incident: Incident;
  /** The records merged into it (retracted), with the source ids they carried. */
  merged: { id: string; externalId: string | null }[];
  choices: Record<string, string>;
  change: { epoch: string; seq: number };
}

/** Merges a candidate's two records into one; an empty input takes the default choices. */
export async function mergeCandidate({
  ctx,
  id,
  input,
  idempotencyKey,
  retry,
}: ResolutionArgs & { input: unknown }): Promise<Answered<MergeAnswer>> {
  const choices = parseInput(MergeInput, input ?? {});
  const plan = planWrite(ctx);
  const write = async (tx: WriteTx): Promise<MergeAnswer> => {
    const dup = duplicatesOf(tx);
    const candidate = await openCandidate(dup, id);
    const a = await liveIncident(tx, candidate.incidentA);
    const b = await liveIncident(tx, candidate.incidentB);
    const merge = planMerge(a, b, choices);
    const kept = await updateRecord<Incident>(
      ctx,
      incidentKind,
      merge.survivor.id,
      merge.survivor.version,
      merge.patch,
      tx,
      plan,
    );
    await retractRecord<Incident>(
      ctx,
      incidentKind,
      merge.other.id,
      mergedReason(merge.survivor.id),
      merge.other.version,
      tx,
      plan,
    );
    await dup.insertMerge({
      id: ctx.newId(),
      candidateId: candidate.id,
      survivorId: merge.survivor.id,
      mergedId: merge.other.id,
      survivorBefore: merge.survivor,
      choices: merge.choices,
      mergedAt: plan.at,
      mergedBy: plan.by,
    });
    await dup.resolve(candidate.id, 'merged', plan.at, plan.by);
    await dup.notify([candidate.id]);
    return {
      incident: kept.record,
      merged: await mergedInto(tx, dup, merge.survivor.id),
      choices: merge.choices,
      change: position(kept.change),
    };
  };
  return answerOnce(
    ctx,
    {
      what: `the merge of duplicate candidate ${id}`,
      id,
      route: 'POST /api/duplicate-candidates/{id}/merge',
      request: { id, input: input ?? {} },
      write,
    },
    { idempotencyKey, retry },
  );
}

/** The records merged into a survivor, with their source ids (in turn: one connection). */
async function mergedInto(tx: WriteTx, dup: DuplicatesTx, survivorId: string) {
  const out: MergeAnswer['merged'] = [];
  for (const m of await dup.liveMergesInto(survivorId))
    out.push({ id: m.mergedId, externalId: (await tx.incidents.get(m.mergedId))?.externalId ?? null });
  return out;
}

/** "Not a duplicate" (remembered: the pair is never proposed again) or "later" (stays unresolved). */
export async function resolveCandidate({
  ctx,
  id,
  status,
  idempotencyKey,
  retry,
}: ResolutionArgs & { status: Extract<CandidateStatus, 'dismissed' | 'later'> }): Promise<
  Answered<DuplicateCandidate>
> {
  const plan = planWrite(ctx);
  const write = async (tx: WriteTx): Promise<DuplicateCandidate> => {
    const dup = duplicatesOf(tx);
    const candidate = await openCandidate(dup, id);
    await dup.resolve(id, status, plan.at, plan.by);
    await dup.notify([id]);
    return {
      ...candidate,
      status,
      resolvedAt: status === 'dismissed' ? plan.at : null,
      resolvedBy: status === 'dismissed' ? plan.by : null,
    };
  };
  const verb = status === 'dismissed' ? 'dismiss' : 'later';
  return answerOnce(
    ctx,
    {
      what: `the ${verb === 'dismiss' ? 'dismissal' : 'deferral'} of duplicate candidate ${id}`,
      id,
      route: `POST /api/duplicate-candidates/{id}/${verb}`,
      request: { id },
      write,
    },
    { idempotencyKey, retry },
  );
}

/** A record brought back from retraction: a new version, live again (the split of a merge). */
async function restoreIncident(ctx: Ctx, tx: WriteTx, id: string, plan: WritePlan): Promise<WriteResult<Incident>> {
  const before = await tx.incidents.get(id, { lock: true });
  if (!before) throw new NotFoundError('Incident', id);
  if (!before.retractedAt) throw new DomainError('conflict', `incident ${id} is not retracted`);
  const after: Incident = {
    ...before,
    version: before.version + 1,
    updatedAt: plan.at,
    updatedBy: plan.by,
    retractedAt: null,
    retractedBy: null,
    retractionReason: null,
  };
  await tx.incidents.update(after);
  await incidentKind.onChanges?.(tx, [[before, after]]);
  const change = await tx.appendChange({
    entity: 'incident',
    action: 'updated',
    id,
    version: after.version,
    actor: ctx.actor,
    before,
    after,
  });
  return { record: after, change };
}

export interface SplitAnswer {
  incident: Incident;
  restored: Incident;
  change: { epoch: string; seq: number };
}

/**
 * Undoes one merge into `id` (`input.merged`, the record to bring back; default: the one merged in
 * last): the merged record is live again, the survivor gives back what that merge brought and
 * nothing else (core/duplicate/merge-fields.ts, splitPatch: a field edited since keeps the edit, a
 * field other merges contributed to keeps their part), and the pair is marked "not a duplicate".
 */
export async function splitIncident({
  ctx,
  id,
  input,
  idempotencyKey,
  retry,
}: ResolutionArgs & { input?: unknown }): Promise<Answered<SplitAnswer>> {
  const { merged } = parseInput(SplitInput, input ?? {});
  const plan = planWrite(ctx);
  const write = async (tx: WriteTx): Promise<SplitAnswer> => {
    const dup = duplicatesOf(tx);
    const live = await dup.liveMergesInto(id);
    if (live.length === 0) {
      if (!(await tx.incidents.get(id))) throw new NotFoundError('Incident', id);
      throw new ConflictError(`incident ${id} has no merge to split`);
    }
    const target = merged === undefined ? live[0]! : live.find((m) => m.mergedId === merged);
    if (!target) throw new ConflictError(`record ${merged} is not merged into incident ${id}`);
    const survivor = await liveIncident(tx, id);
    const step = async (m: IncidentMerge): Promise<MergeStep> => {
      const record = await tx.incidents.get(m.mergedId);
      if (!record) throw new NotFoundError('Incident', m.mergedId);
      return { merged: record, choices: m.choices };
    };
    const split = await step(target);
    const later: MergeStep[] = [];
    for (const m of live.filter((x) => x.survivorBefore.version > target.survivorBefore.version).reverse()) {
      // What each later merge keeps of the survivor before it loses the split merge's part too, so
      // that splitting it afterwards gives back its own part only (edits made before it stay).
      const before = { ...m.survivorBefore, ...splitPatch(m.survivorBefore, target.survivorBefore, split, later) };
      await dup.rebaseMerge(m.id, before as Incident);
      later.push(await step(m));
    }
    const patch = splitPatch(survivor, target.survivorBefore, split, later);
    // Every field the merge set was edited since (or never changed): the survivor stays as it is.
    const kept =
      Object.keys(patch).length > 0
        ? (await updateRecord<Incident>(ctx, incidentKind, id, survivor.version, patch, tx, plan)).record
        : survivor;
    const restored = await restoreIncident(ctx, tx, target.mergedId, plan);
    await dup.endMerge(target.id, plan.at, plan.by);
    const candidate = target.candidateId ?? (await dup.candidateOf(id, target.mergedId))?.id;
    if (candidate) await dup.resolve(candidate, 'dismissed', plan.at, plan.by);
    await dup.notify(candidate ? [candidate] : []);
    return { incident: kept, restored: restored.record, change: position(restored.change) };
  };
  return answerOnce(
    ctx,
    {
      what: `the split of incident ${id}`,
      id,
      route: 'POST /api/incidents/{id}/split',
      // An empty body names the same request as before the body existed.
      request: merged === undefined ? { id } : { id, merged },
      write,
    },
    { idempotencyKey, retry },
  );
}
