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
import { planMerge, restorePatch } from './merge-fields';
import type { DuplicatesTx } from './ports';
import { MergeInput, UNRESOLVED, type CandidateStatus, type DuplicateCandidate } from './schema';

/** What every resolution takes besides its own arguments. */
interface ResolutionArgs {
  ctx: Ctx;
  id: string;
  idempotencyKey?: string;
  retry?: RetryPolicy;
}

export const mergedReason = (survivorId: string) => `merged into ${survivorId}`;

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
 * Undoes the latest merge into `id`: the survivor takes back its fields as they were before that
 * merge, the merged record is live again, and the pair is marked "not a duplicate".
 */
export async function splitIncident({
  ctx,
  id,
  idempotencyKey,
  retry,
}: ResolutionArgs): Promise<Answered<SplitAnswer>> {
  const plan = planWrite(ctx);
  const write = async (tx: WriteTx): Promise<SplitAnswer> => {
    const dup = duplicatesOf(tx);
    const [latest] = await dup.liveMergesInto(id);
    if (!latest) {
      if (!(await tx.incidents.get(id))) throw new NotFoundError('Incident', id);
      throw new ConflictError(`incident ${id} has no merge to split`);
    }
    const survivor = await liveIncident(tx, id);
    const kept = await updateRecord<Incident>(
      ctx,
      incidentKind,
      id,
      survivor.version,
      restorePatch(latest.survivorBefore, survivor),
      tx,
      plan,
    );
    const restored = await restoreIncident(ctx, tx, latest.mergedId, plan);
    await dup.endMerge(latest.id, plan.at, plan.by);
    const candidate = latest.candidateId ?? (await dup.candidateOf(id, latest.mergedId))?.id;
    if (candidate) await dup.resolve(candidate, 'dismissed', plan.at, plan.by);
    await dup.notify(candidate ? [candidate] : []);
    return { incident: kept.record, restored: restored.record, change: position(restored.change) };
  };
  return answerOnce(
    ctx,
    { what: `the split of incident ${id}`, id, route: 'POST /api/incidents/{id}/split', request: { id }, write },
    { idempotencyKey, retry },
  );
}
