'use client';
/**
 * Upload a source CSV (ACLED, UCDP GED, GTD; the header says which, or the operator names it) and
 * watch it import: the upload names its job (Import-Job header) so the page
 * can poll /api/import/progress while the POST streams; the POST's answer is the final report.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportReport } from '@/core/import/import-report';
import { FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat } from '@/core/import/source-adapter';
import { failureOf } from '../../forms/api-request';
import { controlClass, errorClass, hintClass, labelClass, primaryButton } from '../../forms/control-styles';
import { newIdempotencyKey } from '../../forms/draft-store';
import { formatBytes, readReport } from './report-accounting';
import { ReportView } from './report-view';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress | null; total: number }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; message: string; progress: ImportProgress | null };

const MAX_BYTES = 200 * 1024 * 1024;
const n = (x: number) => x.toLocaleString('en');

function readProgress(v: unknown): { progress: ImportProgress; total: number | null } | null {
  const job = (v as { job?: { progress?: ImportProgress; totalBytes?: number | null } } | null)?.job;
  return job?.progress && typeof job.progress.rows === 'number'
    ? { progress: job.progress, total: typeof job.totalBytes === 'number' ? job.totalBytes : null }
    : null;
}

/** A determinate bar once the server reports bytes read; a moving stripe until then. */
function ProgressBar({ value, max }: { value: number | null; max: number }) {
  const percent = value === null ? null : Math.round((value / max) * 100);
  return (
    <div
      role="progressbar"
      aria-label="Read so far"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? 'starting' : `${percent}%`}
      className="mt-2 h-2 w-full overflow-hidden rounded-full bg-surface-2"
    >
      <div
        className={`h-full rounded-full bg-accent transition-[width] duration-300 ${percent === null ? 'w-1/4 animate-pulse' : ''}`}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}

export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [operations, setOperations] = useState(false);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fileName, setFileName] = useState('');
  const [announce, setAnnounce] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const lastQuarter = useRef(-1);
  const router = useRouter();
  const running = phase.kind === 'running';

  // Leaving the page would cut the upload (rows read so far stay saved): ask first.
  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);

  const start = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (running) return;
    if (!file) {
      setFileError('choose the CSV file to import');
      document.getElementById('import-file')?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(`the file is ${formatBytes(file.size)}; at most 200 MB can be imported at once: split it by year`);
      return;
    }
    setFileError(null);
    const job = newIdempotencyKey();
    setJobId(job);
    const total = file.size;
    setFileName(file.name);
    setPhase({ kind: 'running', progress: null, total });
    setAnnounce(`Importing ${file.name}…`);
    lastQuarter.current = 0;
    let latest: ImportProgress | null = null;
    const poll = setInterval(async () => {
      const res = await fetch(`/api/import/progress?job=${job}`, { cache: 'no-store' }).catch(() => null);
      const read = res?.ok ? readProgress(await res.json().catch(() => null)) : null;
      if (!read) return;
      latest = read.progress;
      setPhase((p) => (p.kind === 'running' ? { ...p, progress: read.progress } : p));
      const quarter = Math.floor((read.progress.bytesRead / total) * 4);
      if (quarter > lastQuarter.current && quarter < 4) {
        lastQuarter.current = quarter;
        setAnnounce(`${quarter * 25}% read, ${n(read.progress.rows)} rows so far`);
      }
    }, 500);
    const body = new FormData();
    body.append('file', file);
    try {
      const query = new URLSearchParams();
      if (format) query.set('format', format);
      if (operations) query.set('operations', '1');
      const res = await fetch(`/api/import${query.size > 0 ? `?${query}` : ''}`, {
        method: 'POST',
        body,
        headers: { 'Import-Job': job },
        credentials: 'same-origin',
      });
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const f = failureOf(res.status, json, res.headers.get('retry-after'));
        setPhase({ kind: 'failed', message: f.message, progress: latest });
        setAnnounce(`Import failed: ${f.message}`);
        return;
      }
      const report = readReport(json);
      setPhase({ kind: 'done', report });
      setAnnounce(
        `Import finished: ${n(report.rows)} rows, ${n(report.imported)} imported, ${n(report.updated)} updated, ${n(report.errorCount)} errors.`,
      );
    } catch {
      setPhase({
        kind: 'failed',
        message:
          'The connection was lost during the upload. Rows read before that are saved; importing the file again updates them and adds the rest.',
        progress: latest,
      });
    } finally {
      clearInterval(poll);
      // The history below the form is rendered by the server: show this job in it.
      router.refresh();
    }
  };

  const p = phase.kind === 'running' || phase.kind === 'failed' ? phase.progress : null;
  const total = phase.kind === 'running' ? phase.total : (file?.size ?? 0);
  return (
    <div className="space-y-5">
      <form
        onSubmit={start}
        noValidate
        className="space-y-4 rounded-lg border border-line bg-surface p-4 shadow-card sm:p-5"
        aria-labelledby="import-title"
      >
        <h2 id="import-title" className="font-semibold text-fg">
          Import a source file
        </h2>
        <div>
          <label htmlFor="import-file" className={labelClass}>
            CSV file (ACLED, UCDP GED or GTD)
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={running}
            className={`${controlClass} mt-1 file:mr-3 file:rounded file:border-0 file:bg-accent-soft file:px-3 file:py-1 file:text-sm file:font-semibold file:text-accent`}
            aria-invalid={Boolean(fileError)}
            aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          <p id="import-file-hint" className={hintClass}>
            Any ACLED layout, a UCDP GED release, the GTD distribution or a reduced GTD extract, up to 200 MB. Importing
            a file again updates its rows by the source&rsquo;s event id and never duplicates them.
          </p>
          {fileError ? (
            <p id="import-file-error" className={errorClass}>
              {fileError}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="import-format" className={labelClass}>
            Format
          </label>
          <select
            id="import-format"
            className={`${controlClass} mt-1`}
            value={format}
            disabled={running}
            onChange={(e) => setFormat(e.target.value as ImportFormat | '')}
          >
            <option value="">From the file&rsquo;s header</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-start gap-2 text-sm text-fg">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-[var(--accent)]"
            checked={operations}
            disabled={running}
            onChange={(e) => setOperations(e.target.checked)}
          />
          <span>
            Also import state actions against militants as operations
            <span className="block text-xs text-muted">
              Off: ACLED arrests and state strikes are skipped. Protests and riots are always skipped.
            </span>
          </span>
        </label>
        <button type="submit" className={primaryButton} disabled={running}>
          {running ? 'Importing…' : 'Import'}
        </button>
      </form>

      <p role="status" aria-live="polite" className="sr-only">
        {announce}
      </p>
      {phase.kind === 'running' || (phase.kind === 'failed' && p) ? (
        <section aria-label="Import progress" className="rounded-lg border border-line bg-surface p-4 shadow-card">
          <div className="flex justify-between text-sm text-fg">
            <span>{fileName}</span>
            <span className="tabular-nums">
              {p ? `${formatBytes(Math.min(p.bytesRead, total))} of ${formatBytes(total)}` : 'Uploading…'}
            </span>
          </div>
          <ProgressBar value={p ? Math.min(p.bytesRead, total) : null} max={total || 1} />
          {p ? (
            <p className="mt-2 text-sm text-muted tabular-nums">
              {n(p.rows)} rows read: {n(p.imported)} imported, {n(p.updated)} updated, {n(p.skipped)} skipped,{' '}
              {n(p.errorCount)} with errors
            </p>
          ) : null}
        </section>
      ) : null}
      {phase.kind === 'failed' ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-fg">
          {phase.message}
        </p>
      ) : null}
      {phase.kind === 'done' ? <ReportView report={phase.report} fileName={fileName} /> : null}
      {(phase.kind === 'done' || phase.kind === 'failed') && jobId ? (
        <p className="text-sm">
          <Link href={`/record/import/jobs/${jobId}`} className="font-medium text-accent hover:underline">
            This import in your history →
          </Link>
        </p>
      ) : null}
    </div>
  );
}
