/**
 * Writes bench/results/latest.json (the contract in issue 6) and the generated table in
 * bench/RESULTS.md, between its markers; the hand-written analysis around them is kept.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './children';
import { format, resolveConfig } from 'prettier';
import type { BenchResult } from './result';

export interface BenchReport {
  machine: Record<string, unknown>;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  scale: Record<string, unknown>;
  results: BenchResult[];
  /** The same aggregates and ingest on the embedded database, at its smaller scale. */
  pglite: { scale: Record<string, unknown>; results: BenchResult[] } | null;
  dataset: Record<string, unknown> | null;
}

export function machineInfo(extra: Record<string, unknown>): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1e8) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    ...extra,
  };
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

function baselineText(r: BenchResult): string {
  const b = r.baseline;
  if (!b) return '–';
  const p95 = typeof b.p95 === 'number' ? `p95 ${b.p95}` : '';
  const p99 = typeof b.p99 === 'number' ? `p99 ${b.p99}` : '';
  return [p95, p99].filter(Boolean).join(', ') || (typeof b.value === 'number' ? String(b.value) : '–');
}

/** The machine's load average when the figure was taken (details.loadAverage), and the baseline's. */
function loadText(r: BenchResult): string {
  const own = r.details?.loadAverage;
  const base = r.baseline?.loadAverage;
  if (typeof own !== 'string') return '–';
  return typeof base === 'string' && base !== own ? `${own} (baseline ${base})` : own;
}

export function table(results: readonly BenchResult[]): string {
  const lines = [
    '| measurement | unit | p50 | p95 | p99 | value | baseline | ratio | target | met | load 1/5/15 min |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    // The embedded database runs a tenth of the data: its rows are for comparison, not judged.
    const met =
      r.name.startsWith('pglite.') || r.information
        ? 'n/a'
        : r.met
          ? 'yes'
          : r.value === null
            ? '**not measured**'
            : '**no**';
    lines.push(
      `| ${r.name} | ${r.unit} | ${cell(r.p50)} | ${cell(r.p95)} | ${cell(r.p99)} | ${cell(r.value)} | ${baselineText(r)} | ${cell(r.ratio)} | ${r.target} | ${met} | ${loadText(r)} |`,
    );
  }
  const notes = results.filter((r) => r.note).map((r) => `- **${r.name}**: ${r.note}`);
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export async function writeReport(report: BenchReport): Promise<{ json: string; markdown: string }> {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  // Small runs are for development: only the default scale rewrites the committed table.
  const markdown = path.join(
    ROOT,
    'bench',
    report.scale.name === 'default' ? 'RESULTS.md' : 'results/RESULTS-small.md',
  );
  const scale = report.scale as { postgres?: { incidents?: number } };
  const block = [
    START,
    `Run ${report.startedAt} · scale ${String(report.scale.name)} (${scale.postgres?.incidents ?? '?'} incidents on PostgreSQL) · ${report.durationSeconds} s · ` +
      `${String(report.machine.cpus)} × ${String(report.machine.cpuModel)} · load at start ${JSON.stringify(report.machine.loadAverageAtStart)}`,
    '',
    table(report.results),
    ...(report.pglite ? ['', '**PGlite** (embedded, smaller scale):', '', table(report.pglite.results)] : []),
    END,
  ].join('\n');
  const before = existsSync(markdown) ? readFileSync(markdown, 'utf8') : `# Benchmark results\n\n${START}\n${END}\n`;
  const next =
    before.includes(START) && before.includes(END)
      ? before.slice(0, before.indexOf(START)) + block + before.slice(before.indexOf(END) + END.length)
      : `${before}\n${block}\n`;
  // Formatted as the repository formats Markdown, so a bench run leaves `npm run format:check` green.
  const options = { ...(await resolveConfig(markdown)), filepath: markdown };
  writeFileSync(markdown, await format(next, options));
  return { json, markdown };
}
