'use client';
/**
 * Export buttons for what a panel shows: its numbers as CSV and its chart as SVG or PNG, made in
 * the browser from the data already on screen. The code that builds the files is its own chunk,
 * loaded on the first click.
 */
import { useState } from 'react';
import type { Cell } from './download';
import { chartsDrawn } from '../charts/use-chart-wanted';

const load = () => import('./download');

const BUTTON =
  'rounded-md border border-line bg-surface px-2 py-0.5 text-xs font-medium text-muted hover:bg-surface-2 hover:text-fg disabled:opacity-60';

export function ExportButtons({
  name,
  label,
  head,
  rows,
  table,
  chart = false,
}: {
  /** File name stem: `trend` gives `trend-2026-12-02.csv`. */
  name: string;
  /** What the files hold, for the buttons' accessible names ("Incidents over time"). */
  label: string;
  head?: string[];
  rows?: Cell[][];
  /** The CSV's head and rows made on the click instead (code the page need not load before it). */
  table?: () => Promise<{ head: string[]; rows: Cell[][] }>;
  /** Offer SVG and PNG of the panel's chart too. */
  chart?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run =
    (make: (m: Awaited<ReturnType<typeof load>>, panel: Element | null) => boolean | Promise<boolean>) =>
    async (e: React.MouseEvent<HTMLButtonElement>) => {
      const panel = e.currentTarget.closest('section');
      setBusy(true);
      setFailed(false);
      try {
        setFailed(!(await make(await load(), panel)));
      } catch {
        setFailed(true);
      } finally {
        setBusy(false);
      }
    };
  return (
    <span className="inline-flex flex-wrap items-center gap-1 print:hidden" data-exports={name}>
      <span className="text-xs text-muted">Download</span>
      {((head && rows) || table) && (
        <button
          type="button"
          className={BUTTON}
          disabled={busy}
          aria-label={`Download ${label} as CSV`}
          onClick={run(async (m) => {
            const csv = table ? await table() : { head: head!, rows: rows! };
            m.downloadCsv(name, csv.head, csv.rows);
            return true;
          })}
        >
          CSV
        </button>
      )}
      {chart && (
        <>
          <button
            type="button"
            className={BUTTON}
            disabled={busy}
            aria-label={`Download the ${label} chart as SVG`}
            onClick={run(async (m, panel) => panel !== null && (await chartsDrawn(panel), m.downloadSvg(panel, name)))}
          >
            SVG
          </button>
          <button
            type="button"
            className={BUTTON}
            disabled={busy}
            aria-label={`Download the ${label} chart as PNG`}
            onClick={run(async (m, panel) => panel !== null && (await chartsDrawn(panel), m.downloadPng(panel, name)))}
          >
            PNG
          </button>
        </>
      )}
      {failed && (
        <span role="alert" className="text-xs text-danger">
          Could not make the file
        </span>
      )}
    </span>
  );
}

/** Print the page (the print stylesheet lays the overview out for one or two pages). */
export function PrintButton() {
  return (
    <button
      type="button"
      className={`${BUTTON} print:hidden`}
      // Charts not yet scrolled to are drawn first (their code loads when near: use-chart-wanted).
      onClick={() => void chartsDrawn(document).then(() => window.print())}
    >
      Print
    </button>
  );
}
