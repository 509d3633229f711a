/**
 * The overview's feed and map points come after first paint (GET /api/overview/incidents, with
 * the position they were read at), in Chromium: the server's HTML holds neither (nor the
 * breakdowns and the published figures, which follow the same way); the panels fill
 * in, show a loading state and, when the fetch fails, a retry; an incident recorded while the
 * fetch is on its way (before or after the position it reads) shows exactly once; later ones
 * arrive live; without the live socket the lists still load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, launch, signedIn } from './browser';

const LISTS = '**/api/overview/incidents?*';

const tileNumber = async (page: Page, label: string) =>
  Number(
    (await page.locator(`section[aria-label="${label}"] p`).first().innerText()).split(/\s/)[0]!.replace(/,/g, ''),
  );
const WAIT = { timeout: 30_000 };

describe('the deferred overview lists', () => {
  let browser: Browser;
  let context: BrowserContext;
  let operator: APIRequestContext;

  beforeAll(async () => {
    browser = await launch();
    ({ context } = await signedIn(browser, 'viewer@demo.local', { width: 1440, height: 1000 }));
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

  const record = async (place: string) => {
    const res = await operator.post('/api/incidents', {
      data: {
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        timePrecision: 'exact',
        province: 'KP',
        district: 'Bannu',
        place,
        latitude: 32.99,
        longitude: 70.6,
        type: 'armed_assault',
        targetType: 'police',
        casualties: { killed: { security_forces: { low: 1, high: null } } },
        sources: [{ name: 'e2e' }],
      },
    });
    expect(res.status()).toBe(201);
  };
  const inFeed = (page: Page, place: string) => page.locator('#feed').getByText(place);
  const live = (page: Page) => page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor(WAIT);
  const mapCount = async (page: Page) => {
    const caption = await page.locator('#map header p').innerText();
    const m = /^([\d,]+) located incidents/.exec(caption);
    return m ? Number(m[1]!.replace(/,/g, '')) : null;
  };

  it('leaves the lists out of the server HTML and fills them in after first paint', async () => {
    const html = await (await context.request.get('/')).text();
    expect(html).toContain('Loading the latest incidents');
    // Neither the base map's paths: they come from a static file after first paint.
    const geometry = (await (await context.request.get('/map-geometry.json')).json()) as { land: { d: string }[] };
    expect(geometry.land.length).toBeGreaterThan(0);
    expect(html).not.toContain(geometry.land[0]!.d.slice(0, 40));
    const lists = await (await context.request.get('/api/overview/incidents?range=30d')).json();
    expect(lists.feed.length).toBeGreaterThan(0);
    expect(html).not.toContain(lists.feed[0].id);

    const page = await context.newPage();
    await page.goto('/?range=30d');
    await page.locator('#feed a[href^="/incidents/"]').first().waitFor(WAIT);
    await expect.poll(() => mapCount(page), WAIT).toBe(lists.points.length);
    expect(await page.locator('#feed').getByText('Loading the latest incidents').count()).toBe(0);
    await page.close();
  });

  it('shows a change recorded while the lists are on their way exactly once, and later ones live', async () => {
    const page = await context.newPage();
    const stamp = Date.now();
    const beforeRead = `E2E before the read ${stamp}`;
    const afterRead = `E2E after the read ${stamp}`;
    const later = `E2E later ${stamp}`;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let seen = 0;
    let incidents = 0;
    await page.route(LISTS, async (route) => {
      seen++;
      await held;
      // The server reads the position and the lists now (after `beforeRead`)…
      const response = await route.fetch();
      // …and a change after that position reaches the page over the stream before the answer
      // does: the KPI tile, refetched on each change, counts both.
      await record(afterRead);
      await expect.poll(() => tileNumber(page, 'Incidents'), WAIT).toBe(incidents + 2);
      await route.fulfill({ response });
    });
    await page.goto('/?range=30d');
    await live(page);
    await expect.poll(() => seen, WAIT).toBe(1);
    expect(await page.locator('#feed').getByText('Loading the latest incidents').count()).toBe(1);
    incidents = await tileNumber(page, 'Incidents');
    await record(beforeRead);
    release();
    await inFeed(page, beforeRead).waitFor(WAIT);
    await inFeed(page, afterRead).waitFor(WAIT);
    expect(await inFeed(page, beforeRead).count()).toBe(1);
    expect(await inFeed(page, afterRead).count()).toBe(1);
    const points = await mapCount(page);

    await record(later);
    await inFeed(page, later).waitFor(WAIT);
    expect(await inFeed(page, later).count()).toBe(1);
    await expect.poll(() => mapCount(page), WAIT).toBe(points! + 1);
    // Nothing was reloaded to get there: one fetch of the lists.
    expect(seen).toBe(1);
    await page.close();
  });

  it('brings the breakdowns and the published figures after first paint; a change made meanwhile counts once', async () => {
    const html = await (await context.request.get('/?range=30d')).text();
    const reference = (await (await context.request.get('/api/overview/reference')).json()) as {
      comparisons: { figure: { metric: string } }[];
    };
    expect(reference.comparisons.length).toBeGreaterThan(0);
    const metric = reference.comparisons[0]!.figure.metric;
    expect(html).not.toContain(metric);
    expect(html).not.toContain('"breakdowns"');
    expect(html).not.toContain('Incidents by type: incidents and killed');

    const page = await context.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let seen = 0;
    await page.route('**/api/stats/overview?*', async (route) => {
      if (++seen === 1) await held;
      await route.continue();
    });
    await page.route('**/api/overview/reference', (route) => route.abort('failed'));
    await page.goto('/?range=30d');
    await expect.poll(() => seen, WAIT).toBe(1);
    expect(await page.locator('#by-type table').count()).toBe(0);
    const incidents = await tileNumber(page, 'Incidents');
    await record(`E2E while the breakdowns load ${Date.now()}`);
    release();
    const total = async () => {
      const caption = page.locator('#by-type caption');
      if ((await caption.count()) === 0) return null;
      const m = /per value, ([\d,]+) incidents/.exec(await caption.innerText());
      return m ? Number(m[1]!.replace(/,/g, '')) : null;
    };
    await expect.poll(total, WAIT).toBe(incidents + 1);
    await expect.poll(() => tileNumber(page, 'Incidents'), WAIT).toBe(incidents + 1);
    // Later refreshes (the stream's change) do not count it again.
    await expect.poll(() => seen, WAIT).toBeGreaterThanOrEqual(2);
    expect(await total()).toBe(incidents + 1);

    await page.locator('#reference').getByText('Could not load the published figures').waitFor(WAIT);
    await page.unroute('**/api/overview/reference');
    await page.locator('#reference').getByRole('button', { name: 'Try again' }).click();
    await page.locator('#reference').getByText(metric).first().waitFor(WAIT);
    await page.close();
  });

  it('offers a retry when the lists cannot be fetched', async () => {
    const page = await context.newPage();
    await page.route(LISTS, (route) => route.abort('failed'));
    await page.goto('/?range=30d');
    await page.locator('#feed').getByText('Could not load the latest incidents').waitFor(WAIT);
    await page.locator('#map').getByText("Could not load the map's incidents").waitFor(WAIT);
    await page.unroute(LISTS);
    await page.locator('#feed').getByRole('button', { name: 'Try again' }).click();
    await page.locator('#feed a[href^="/incidents/"]').first().waitFor(WAIT);
    await page.close();
  });

  it('shows an empty view as empty, and loads the lists without the live socket', async () => {
    const page = await context.newPage();
    // Neither transport of the live socket gets through.
    await page.route('**/socket.io/**', (route) => route.abort('failed'));
    await page.routeWebSocket(/socket\.io/, (ws) => ws.close());
    await page.goto('/?from=2001-01-01&to=2001-02-01');
    await page
      .locator('#feed')
      .getByText(/No incidents in this view/)
      .waitFor(WAIT);
    await expect.poll(() => mapCount(page), WAIT).toBe(0);
    await page.goto('/?range=30d');
    await page.locator('#feed a[href^="/incidents/"]').first().waitFor(WAIT);
    expect(await page.getByRole('status').filter({ hasText: /^Live/ }).count()).toBe(0);
    await page.close();
  });
});
