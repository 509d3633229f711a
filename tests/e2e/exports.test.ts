/**
 * Exports in Chromium: the overview's figures and each chart's numbers as CSV (made in the page
 * from what it shows), each chart as SVG and PNG, the operations, groups and group downloads, and
 * the print stylesheet (the overview on two landscape A4 pages). Screenshots go to test-results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { request, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, SCREENSHOTS, screenshot, signedIn } from './browser';
import { axeViolations, sidewaysScroll } from './layout-checks';

const WIDTHS = [390, 1280, 1920] as const;

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

const csv = (body: Buffer) => parse(body.toString('utf8'), { bom: true }) as string[][];

/** PNG width and height from the IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('exports', () => {
  let browser: Browser;
  let viewer: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launch();
    viewer = await signedIn(browser, 'viewer@demo.local', { width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("downloads the tiles' figures and each chart's numbers as CSV, matching what the page shows", async () => {
    const { page } = viewer;
    await page.goto('/?range=30d');
    await page.locator('#trend .recharts-surface').first().waitFor({ timeout: 20_000 });
    const shown = Number(
      (await page.locator('section[aria-label="Incidents"] p').first().innerText()).split(/\s/)[0]!.replace(/,/g, ''),
    );
    const figures = await download(page, () =>
      page.getByRole('button', { name: 'Download the figures of the tiles as CSV' }).click(),
    );
    expect(figures.name).toMatch(/^overview-figures-\d{4}-\d{2}-\d{2}\.csv$/);
    const [head, ...rows] = csv(figures.body);
    expect(head).toEqual([
      'Figure',
      'At least',
      'Up to',
      'Previous period (at least)',
      'Records without this figure',
      'From',
      'To',
    ]);
    expect(Number(rows.find((r) => r[0] === 'Incidents')![1])).toBe(shown);
    expect(rows.map((r) => r[0])).toContain('Killed in incidents: civilians');

    const trend = await download(page, () =>
      page.getByRole('button', { name: 'Download Incidents over time as CSV' }).click(),
    );
    const [trendHead, ...buckets] = csv(trend.body);
    expect(trendHead!.slice(0, 2)).toEqual(['Bucket', 'Incidents']);
    // The day buckets of 30 days, the edge ones partial; their incidents add up to the tile.
    expect(buckets.length).toBeGreaterThanOrEqual(30);
    expect(buckets.reduce((n, r) => n + Number(r[1]), 0)).toBe(shown);

    const byProvince = await download(page, () =>
      page.getByRole('button', { name: 'Download Incidents by province as CSV' }).click(),
    );
    const provinceRows = csv(byProvince.body);
    expect(provinceRows[0]).toEqual([
      'Name',
      'Incidents',
      'Share of incidents',
      'Killed, at least',
      'Killed, up to',
      'Part of',
    ]);
    expect(provinceRows.map((r) => r[0])).toContain('Khyber Pakhtunkhwa (all)');
  });

  it('downloads a chart as SVG (styles resolved, title and legend on it) and as PNG', async () => {
    const { page } = viewer;
    await page.goto('/?range=90d');
    await page.locator('#trend .recharts-surface').first().waitFor({ timeout: 20_000 });
    const svg = await download(page, () =>
      page.getByRole('button', { name: 'Download the Incidents over time chart as SVG' }).click(),
    );
    expect(svg.name).toMatch(/^incidents-over-time-.*\.svg$/);
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('Incidents over time');
    expect(text).toContain('Synthetic demo data');
    expect(text).toContain('Armed assault');
    // CSS variables do not travel with a file: every colour is written out.
    expect(text).not.toContain('var(--');
    // The file opens on its own: Chromium draws it and it has bars.
    const view = await viewer.context.newPage();
    await view.setContent(text);
    expect(await view.locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(10);
    await view.screenshot({ path: 'test-results/screenshots/export-trend-svg.png' });
    await view.close();

    const png = await download(page, () =>
      page.getByRole('button', { name: 'Download the Incidents over time chart as PNG' }).click(),
    );
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    const size = pngSize(png.body);
    expect(size.width).toBeGreaterThan(1000);
    expect(size.height).toBeGreaterThan(400);

    const ops = await download(page, () =>
      page.getByRole('button', { name: 'Download the Operations over time chart as PNG' }).click(),
    );
    expect(ops.name).toMatch(/^operations-over-time-.*\.png$/);
  });

  it('downloads operations, groups and a group from the server, with the filters of the page', async () => {
    const { page } = viewer;
    await page.goto('/operations?range=30d&province=Balochistan');
    const ops = await download(page, () => page.getByRole('link', { name: 'Export these operations as CSV' }).click());
    const [opHead, ...opRows] = csv(ops.body);
    expect(opHead).toContain('militants_killed');
    expect(opRows.length).toBeGreaterThan(0);
    expect(new Set(opRows.map((r) => r[opHead!.indexOf('province')]))).toEqual(new Set(['Balochistan']));

    await page.goto('/groups');
    const groups = await download(page, () => page.getByRole('link', { name: 'Export this table as CSV' }).click());
    const [gHead, ...gRows] = csv(groups.body);
    expect(gHead![0]).toBe('short_name');
    expect(gRows.map((r) => r[0])).toContain('TTP');

    await page.getByRole('link', { name: 'TTP', exact: true }).click();
    await page.waitForURL(/\/groups\//);
    const group = await download(page, () => page.getByRole('link', { name: 'Figures per month (CSV)' }).click());
    expect(group.name).toMatch(/^group-TTP-per-month-/);
    const [sHead, ...months] = csv(group.body);
    expect(sHead!.slice(0, 4)).toEqual(['bucket_start', 'day', 'partial', 'incidents']);
    expect(months.length).toBeGreaterThanOrEqual(12);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      expect(await sidewaysScroll(page)).toBeNull();
      await screenshot(page, `group-page-exports-${width}`, { fullPage: false });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  /** Two reports of one attack: the overview then carries its "possible duplicates" notice. */
  async function recordTwoReports() {
    const operator = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { origin: baseUrl() } });
    try {
      const login = await operator.post('/api/auth/sign-in/email', {
        data: { email: 'operator@demo.local', password: DEMO_PASSWORD },
      });
      expect(login.ok()).toBe(true);
      const occurredAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
      for (const source of ['Dawn', 'The Express Tribune']) {
        const res = await operator.post('/api/incidents', {
          data: {
            occurredAt,
            timePrecision: 'exact',
            province: 'KP',
            district: 'Lakki Marwat',
            place: 'Print check post',
            latitude: 32.61,
            longitude: 70.91,
            type: 'armed_assault',
            targetType: 'police',
            casualties: { killed: { security_forces: { low: 2, high: null } } },
            sources: [{ name: source }],
          },
        });
        expect(res.status()).toBe(201);
      }
    } finally {
      await operator.dispose();
    }
  }

  it('prints the overview on two landscape A4 pages, without controls, in light colours', async () => {
    const { page } = viewer;
    // Whatever ran before: the page printed holds every notice a briefing keeps (demo data, duplicates).
    await recordTwoReports();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await expect
      .poll(
        async () => {
          await page.goto('/?range=30d');
          return page.getByTestId('possible-duplicates').count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      await page.goto('/?range=30d');
      await page.locator('#trend .recharts-surface').first().waitFor({ timeout: 20_000 });
      // What a reader prints: the breakdowns come after first paint, so wait for them to be drawn.
      await page.locator('#by-target table').waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await screenshot(page, `overview-exports-${width}`, { fullPage: false });
      expect(await sidewaysScroll(page), `${width}`).toBeNull();
      if (width !== 390) {
        // Printing draws the charts and the map not yet scrolled to (their code loads when near).
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
        await page.waitForFunction(
          () => [...document.querySelectorAll('[data-lazy-chart]')].every((el) => el.querySelector('svg')),
          null,
          { timeout: 20_000 },
        );
        expect(await page.locator('#casualties .recharts-surface, #operations-trend .recharts-surface').count()).toBe(
          2,
        );
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
        writeFileSync(path.join(SCREENSHOTS, `overview-print-${width}.pdf`), pdf);
        expect(pages.length, `printed from a ${width} px window`).toBe(2);
      }
    }
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(300);
    expect(await page.locator('header.sticky').isVisible()).toBe(false);
    expect(
      await page
        .getByRole('button', { name: /as CSV$/ })
        .first()
        .isVisible(),
    ).toBe(false);
    expect(await page.locator('[data-synthetic-banner]').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'overview-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps the export controls accessible', async () => {
    const { page } = viewer;
    await page.setViewportSize({ width: 1280, height: 900 });
    const found: string[] = [];
    for (const path of ['/', '/operations', '/groups']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      for (const v of await axeViolations(page)) found.push(`${path}: ${v}`);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
