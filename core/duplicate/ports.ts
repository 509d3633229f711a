/** What the duplicate verbs need from storage inside a write transaction (db/duplicates/duplicate-tx.ts). */
import type { Incident } from '../incident/schema';
import type { CandidateStatus, DuplicateCandidate } from './schema';

export interface IncidentMerge {
  id: string;
  candidateId: string | null;
  survivorId: string;
  mergedId: string;
  survivorBefore: Incident;
  choices: Record<string, string>;
  mergedAt: string;
  mergedBy: string | null;
}

export interface DuplicatesTx {
  /** Reads a candidate with a row lock for the rest of the transaction. */
  lockCandidate(id: string): Promise<DuplicateCandidate | null>;
  resolve(id: string, status: CandidateStatus, at: string, by: string): Promise<void>;
  /** The candidate of a pair, if any (either order). */
  candidateOf(x: string, y: string): Promise<DuplicateCandidate | null>;
  insertMerge(merge: IncidentMerge): Promise<void>;
  /** The merges into `survivorId` not yet split, newest first (by the survivor's version before each), locked. */
  liveMergesInto(survivorId: string): Promise<IncidentMerge[]>;
  /** The survivor a record was merged into (not split), or null. */
  survivorOf(mergedId: string): Promise<string | null>;
  endMerge(id: string, at: string, by: string): Promise<void>;
  /** Replaces what a merge keeps of the survivor before it (a split of an earlier merge rewrites it). */
  rebaseMerge(id: string, survivorBefore: Incident): Promise<void>;
  /** Wakes every node's queue listeners when the transaction commits. */
  notify(resolved: string[]): Promise<void>;
}
