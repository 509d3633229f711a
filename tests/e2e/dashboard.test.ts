/**
 * The dashboard in Chromium (issue 5): the overview's KPIs equal the stats API; an incident
 * recorded through the API reaches the KPIs, the feed and the trend without a reload (how fast is
 * the bench's live-latency figure, not a test's);
 * screenshots of /, /incidents, an incident page and /wall land in test-results/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, launch, screenshot, signedIn } from './browser';

const DAY = 86_400_000;
const day = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString();

/** A fixed window (the last 30 days through tomorrow) so the page and the API count the same rows. */
const from = day(Date.now() - 29 * DAY);
const to = day(Date.now() + DAY);
const view = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

const tileNumber = async (page: Page, label: string) =>
  Number(
    (await page.locator(`section[aria-label="${label}"] p`).first().innerText()).split(/\s/)[0]!.replace(/,/g, ''),
  );
/** The sum of the "Incidents" column of the trend's data table (present even while folded). */
const trendTotal = (page: Page) =>
  page
    .locator('#trend table tbody tr')
    .evaluateAll((rows) => rows.reduce((s, r) => s + Number(r.children[1]?.textContent?.replace(/,/g, '') ?? 0), 0));

describe('the live overview', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let operator: APIRequestContext;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await signedIn(browser, 'viewer@demo.local', { width: 1440, height: 1000 }));
    operator = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { origin: baseUrl() } });
    const login = await operator.post('/api/auth/sign-in/email', {
      data: { email: 'operator@demo.local', password: 'watch-the-border-demo' },
    });
    expect(login.ok()).toBe(true);
  });

  afterAll(async () => {
    await operator?.dispose();
    await context?.close();
    await browser?.close();
  });

  it('shows the same KPIs as the stats API', async () => {
    await page.goto(`/?${view}`);
    await page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
    const api = await (await page.request.get(`/api/stats/summary?${view}`)).json();
    expect(await tileNumber(page, 'Incidents')).toBe(api.current.incidents);
    expect(await tileNumber(page, 'Killed in incidents')).toBe(api.current.killed.total.low);
    expect(await tileNumber(page, 'Injured in incidents')).toBe(api.current.injured.total.low);
    expect(await tileNumber(page, 'Operations')).toBe(api.current.operations.operations);
    expect(await trendTotal(page)).toBe(api.current.incidents);
    await screenshot(page, 'overview');
  });

  it('follows an incident recorded through the API without a reload', async () => {
    const before = {
      incidents: await tileNumber(page, 'Incidents'),
      killed: await tileNumber(page, 'Killed in incidents'),
      trend: await trendTotal(page),
    };
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const place = `E2E check ${Date.now()}`;
    const res = await operator.post('/api/incidents', {
      data: {
        occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        timePrecision: 'exact',
        province: 'KP',
        district: 'Bannu',
        place,
        latitude: 32.99,
        longitude: 70.6,
        type: 'ied_explosive',
        targetType: 'police',
        casualties: { killed: { security_forces: { low: 3, high: null } } },
        sources: [{ name: 'e2e' }],
      },
    });
    expect(res.status()).toBe(201);
    // Generous bounds: a loaded machine is slow; the live path either delivers or it does not.
    await page.getByText(place).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => tileNumber(page, 'Incidents'), { timeout: 30_000 }).toBe(before.incidents + 1);
    await expect.poll(() => trendTotal(page), { timeout: 30_000 }).toBe(before.trend + 1);
    expect(await tileNumber(page, 'Killed in incidents')).toBe(before.killed + 3);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(page, 'overview-live-arrival');
  });

  it('renders the incidents table, an incident page and the wallboard', async () => {
    await page.goto('/incidents');
    await page.locator('table tbody tr').first().waitFor();
    await screenshot(page, 'incidents');
    await page.locator('table tbody tr a').first().click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await screenshot(page, 'incident');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/wall');
    await page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    await screenshot(page, 'wall');
  });
});
