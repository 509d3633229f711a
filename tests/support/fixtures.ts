/**
 * Where the shared real-data fixtures live: `shared/fixtures/real` beside the checkout (the
 * repository's parent directory), or beside a parent of it when the checkout is a worktree one
 * level deeper. Read at run time, never copied into the repository.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function findRealDir(): string {
  for (let dir = path.dirname(path.resolve(repoRoot)), depth = 0; depth < 3; dir = path.dirname(dir), depth++) {
    const candidate = path.join(dir, 'shared/fixtures/real');
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(repoRoot, '../shared/fixtures/real');
}

/** The directory of the real fixtures (it may be absent: tests that need it say so). */
export const REAL_FIXTURES = findRealDir();
