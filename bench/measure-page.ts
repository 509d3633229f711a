/**
 * page.render: the overview `/` rendered by the production build (`.next`, served by
 * server/main.ts with pages) against the 1M-incident database, p50/p95/p99 over sequential requests
 * (PUBLIC_DASHBOARD=1: an anonymous viewer). Target p95 ≤ 150 ms.
 * page.firstLoadJs: the gzip size of every JavaScript file the page loads: the <script src> of
 * its HTML, and, when Chromium is installed, every .js response of a real page load (lazy chunks
 * included). Each body is gzipped here with zlib and the sizes summed. Target ≤ 300 KB.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './children';
import { distribution, nowMs, round } from './percentiles';
import { notMeasured, type BenchResult } from './result';
import { freePort, startServerProcess } from './server-process';
import { loadAverage } from './load-average';

export interface PageRun {
  databaseUrl: string;
  renders: number;
  log(m: string): void;
}

const RENDER_TARGET = 'p95 ≤ 150 ms (server render of / at 1M incidents)';
const JS_TARGET = '≤ 300 KB gzip, all JavaScript / loads';
const CHROMIUM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));

function scriptSources(html: string, base: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
    out.add(new URL(m[1]!.replace(/&amp;/g, '&'), base).toString());
  return [...out];
}

async function gzipKb(urls: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const url of urls) {
    const res = await fetch(url);
    bytes += gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return bytes / 1024;
}

/** Every .js response of a real page load in headless Chromium, or null when there is no Chromium. */
async function chromiumScripts(url: string): Promise<{ kb: number; files: number } | null> {
  const executablePath = CHROMIUM.find((p) => existsSync(p));
  if (!executablePath) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let files = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      if (!/\.js(\?|$)/.test(new URL(res.url()).pathname)) return;
      pending.push(
        res.body().then(
          (body) => {
            bytes += gzipSync(body).length;
            files++;
          },
          () => undefined,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    await Promise.all(pending);
    return { kb: bytes / 1024, files };
  } finally {
    await browser.close();
  }
}

export async function measurePage(run: PageRun): Promise<BenchResult[]> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    const note = 'no production build (.next/BUILD_ID missing): run `npm run build` first; not measured';
    return [
      notMeasured('page.render', 'ms', RENDER_TARGET, note),
      notMeasured('page.firstLoadJs', 'KB', JS_TARGET, note),
    ];
  }
  const server = await startServerProcess({ port: await freePort(), databaseUrl: run.databaseUrl, pages: true });
  try {
    const url = `${server.url}/`;
    let html = '';
    for (let i = 0; i < 5; i++) html = await (await fetch(url)).text();
    const samples: number[] = [];
    const load = loadAverage();
    for (let i = 0; i < run.renders; i++) {
      const t0 = nowMs();
      const res = await fetch(url);
      html = await res.text();
      samples.push(nowMs() - t0);
      if (!res.ok) throw new Error(`GET / answered ${res.status}`);
    }
    const d = distribution(samples);
    run.log(
      `  render /: p50 ${round(d.p50)} p95 ${round(d.p95)} p99 ${round(d.p99)} ms (${Math.round(html.length / 1024)} KB of HTML; load ${load} before, ${loadAverage()} after)`,
    );
    const render: BenchResult = {
      name: 'page.render',
      unit: 'ms',
      p50: round(d.p50),
      p95: round(d.p95),
      p99: round(d.p99),
      value: round(d.p95),
      baseline: null,
      ratio: null,
      target: RENDER_TARGET,
      met: d.p95 <= 150,
      details: {
        renders: d.n,
        htmlKb: round(html.length / 1024),
        max: round(d.max),
        loadAverage: { before: load, after: loadAverage() },
      },
    };
    const scripts = scriptSources(html, url);
    const htmlKb = await gzipKb(scripts);
    const browser = await chromiumScripts(url).catch((e: unknown) => {
      run.log(`  Chromium load failed: ${String(e)}`);
      return null;
    });
    run.log(
      `  JavaScript: ${round(htmlKb)} KB gzip from ${scripts.length} <script src>${browser ? `; ${round(browser.kb)} KB from ${browser.files} files in Chromium` : '; no Chromium'}`,
    );
    const kb = Math.max(htmlKb, browser?.kb ?? 0);
    const js: BenchResult = {
      name: 'page.firstLoadJs',
      unit: 'KB',
      p50: null,
      p95: null,
      p99: null,
      value: round(kb),
      baseline: null,
      ratio: null,
      target: JS_TARGET,
      met: browser !== null && kb <= 300,
      details: {
        scriptTags: scripts.length,
        scriptTagsKb: round(htmlKb),
        chromiumKb: browser ? round(browser.kb) : null,
        chromiumFiles: browser?.files ?? null,
      },
      ...(browser
        ? {}
        : {
            note: `no Chromium at ${CHROMIUM.join(', ')}: only the HTML's <script src> were counted (${round(htmlKb)} KB); chunks loaded after hydration are not, so the target is not claimed`,
          }),
    };
    return [render, js];
  } finally {
    await server.stop();
  }
}
