/**
 * One reporting day in the browser: a viewer in New York and one in Karachi pick the same custom
 * range (typed in the reporting zone, PKT) and see the same bars, the same days and the same link,
 * whatever their browsers' zones; the range heading names the zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, screenshot } from './browser';

const DAY = 86_400_000;
/** A PKT calendar day `n` days ago, for the datetime-local inputs (typed in PKT). */
const pktDay = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi' }).format(new Date(Date.now() - n * DAY));

async function viewerIn(browser: Browser, timezoneId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), timezoneId, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/email/i).fill('viewer@demo.local');
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 }),
    page.getByRole('button', { name: /sign in/i }).click(),
  ]);
  return { context, page };
}

/** Picks the custom range through the filter bar, as a person would, and reads the trend's table. */
async function pickRange(page: Page, from: string, to: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Custom…' }).click();
  await page.locator('input[name="from"]').fill(`${from}T00:00`);
  await page.locator('input[name="to"]').fill(`${to}T00:00`);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('from'), { timeout: 20_000 }),
    page.getByRole('button', { name: 'Apply' }).click(),
  ]);
  await page.locator('#trend table tbody tr').first().waitFor({ state: 'attached', timeout: 20_000 });
  const rows = await page
    .locator('#trend table tbody tr')
    .evaluateAll((trs) => trs.map((r) => [r.children[0]?.textContent ?? '', r.children[1]?.textContent ?? '']));
  return { url: new URL(page.url()), rows, heading: await page.locator('h1 + p').first().innerText() };
}

describe('the same custom range in two browser zones', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('New York and Karachi see the same days and bars', async () => {
    const from = pktDay(12);
    const to = pktDay(2);
    const seen = [];
    for (const zone of ['America/New_York', 'Asia/Karachi']) {
      const { context, page } = await viewerIn(browser, zone);
      contexts.push(context);
      seen.push(await pickRange(page, from, to));
      await screenshot(page, `custom-range-${zone.replace('/', '-')}`);
    }
    const [ny, khi] = seen as [Awaited<ReturnType<typeof pickRange>>, Awaited<ReturnType<typeof pickRange>>];
    // The same instants in the shared link: the inputs were read in PKT, not the browser's zone.
    expect(ny.url.searchParams.get('from')).toBe(khi.url.searchParams.get('from'));
    expect(ny.url.searchParams.get('to')).toBe(khi.url.searchParams.get('to'));
    expect(new Date(khi.url.searchParams.get('from')!).toISOString()).toBe(
      new Date(Date.parse(`${from}T00:00:00+05:00`)).toISOString(),
    );
    expect(ny.rows).toEqual(khi.rows);
    expect(ny.rows).toHaveLength(10);
    // The first bar is the first PKT day of the range, labelled as that day.
    const [y, m, d] = from.split('-').map(Number) as [number, number, number];
    const label = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
      new Date(Date.UTC(y, m - 1, d, 12)),
    );
    expect(ny.rows[0]![0]).toContain(label);
    // The heading gives the range's PKT days, named once.
    expect(ny.heading).toBe(khi.heading);
    expect(khi.heading).toMatch(/\(PKT\)$/);
    // The bars are the API's PKT days.
    const api = (await (
      await fetch(`${baseUrl()}/api/stats/timeseries?${khi.url.searchParams.toString()}`, {
        headers: { cookie: (await contexts[1]!.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
      })
    ).json()) as { zone: string; points: { incidents: number }[] };
    expect(api.zone).toBe('Asia/Karachi');
    expect(ny.rows.map((r) => Number(r[1]!.replace(/,/g, '')))).toEqual(api.points.map((p) => p.incidents));
  });
});
