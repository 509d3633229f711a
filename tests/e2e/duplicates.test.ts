/**
 * The duplicate queue in Chromium: two operators have /record/duplicates open; a second report of
 * an event arrives through the API and shows up in both queues; one operator merges it with two
 * keystrokes (m, Enter) and the pair leaves the other operator's queue too. n dismisses. A
 * viewer's open overview shows "1 possible duplicate" when a pair is found and loses it when the
 * pair is merged, without a reload. An operator splits one of two merged records out of an
 * incident from its page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, screenshot, signedIn } from './browser';

const report = (day: string, over: Record<string, unknown> = {}) => ({
  occurredAt: `1998-07-${day}T08:00:00Z`,
  province: 'Balochistan',
  district: 'Quetta',
  latitude: 30.19,
  longitude: 67.01,
  geoPrecision: 'near',
  type: 'ied_explosive',
  casualties: { killed: { civilians: { low: 4 } } },
  sources: [{ name: 'e2e' }],
  ...over,
});

describe('the duplicate review queue', () => {
  let browser: Browser;
  let one: { context: BrowserContext; page: Page };
  let two: { context: BrowserContext; page: Page };
  let api: APIRequestContext;

  beforeAll(async () => {
    browser = await launch();
    one = await signedIn(browser, 'operator@demo.local');
    two = await signedIn(browser, 'admin@demo.local');
    api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { origin: baseUrl() } });
    const login = await api.post('/api/auth/sign-in/email', {
      data: { email: 'operator@demo.local', password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBe(true);
  });

  afterAll(async () => {
    await api?.dispose();
    await one?.context.close();
    await two?.context.close();
    await browser?.close();
  });

  /** The candidate of two records, once the detector has proposed it (the queue's API). */
  const candidateOf = async (day: string, x: string, y: string) => {
    let id: string | undefined;
    await expect
      .poll(
        async () => {
          const res = await api.get(`/api/duplicate-candidates?from=${day}&to=${day}`);
          const items = ((await res.json()) as { items: { id: string; incidentA: string; incidentB: string }[] }).items;
          id = items.find((c) => [c.incidentA, c.incidentB].sort().join() === [x, y].sort().join())?.id;
          return id !== undefined;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    return id!;
  };

  const post = async (body: object) => {
    const res = await api.post('/api/incidents', { data: body });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { incident: { id: string } }).incident.id;
  };

  it('shows a new pair live, merges it with m then Enter, and it leaves the other queue', async () => {
    await one.page.goto('/record/duplicates');
    await two.page.goto('/record/duplicates');
    const first = await post(report('05'));
    const second = await post(
      report('05', { type: 'suicide_bombing', latitude: 30.2, casualties: { killed: { civilians: { low: 6 } } } }),
    );
    // Both pages hear of it live (no reload); j/k move to it.
    for (const p of [one.page, two.page])
      await p.locator('nav button').filter({ hasText: '1998-07-05' }).first().waitFor({ timeout: 60_000 });
    const onScreen = async (p: Page) =>
      (await p.locator(`[data-testid="pair"] a[href="/incidents/${first}"]`).count()) > 0 &&
      (await p.locator(`[data-testid="pair"] a[href="/incidents/${second}"]`).count()) > 0;
    for (let i = 0; i < 30; i++) await one.page.keyboard.press('k');
    for (let i = 0; i < 50 && !(await onScreen(one.page)); i++) await one.page.keyboard.press('j');
    expect(await onScreen(one.page)).toBe(true);
    const candidate = await one.page.locator('[data-testid="pair"]').getAttribute('data-candidate');
    await expect.poll(() => one.page.locator('[data-testid="reasons"]').innerText()).toMatch(/same day \(1998-07-05\)/);
    await screenshot(one.page, 'duplicates-queue');
    const inOther = two.page.locator(`nav button`).filter({ hasText: '1998-07-05' });
    await inOther.first().waitFor({ timeout: 20_000 });

    await one.page.keyboard.press('m');
    await one.page.locator('[data-testid="merge-armed"]').waitFor();
    await one.page.keyboard.press('Enter');
    await one.page.getByText('Merged.').waitFor({ timeout: 20_000 });
    // Gone from the other operator's queue without a reload.
    await expect.poll(() => inOther.count(), { timeout: 20_000 }).toBe(0);
    const after = await api.get(`/api/duplicate-candidates?status=merged&from=1998-07-05&to=1998-07-05`);
    const merged = ((await after.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    expect(merged).toContain(candidate);
  });

  it('n marks the pair on screen not a duplicate', async () => {
    await post(report('20', { province: 'Sindh', district: 'Karachi', latitude: 24.86, longitude: 67.0 }));
    await post(report('20', { province: 'Sindh', district: 'Karachi', latitude: 24.87, longitude: 67.0 }));
    await one.page.locator('nav button').filter({ hasText: '1998-07-20' }).first().click({ timeout: 20_000 });
    const candidate = await one.page.locator('[data-testid="pair"]').getAttribute('data-candidate');
    await one.page.keyboard.press('n');
    await one.page.getByText('Marked not a duplicate.').waitFor({ timeout: 20_000 });
    const res = await api.get('/api/duplicate-candidates?status=dismissed&from=1998-07-20&to=1998-07-20');
    expect(((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id)).toContain(candidate);
  });
  it('an open overview shows a pair found and loses it when merged, without a reload', async () => {
    const viewer = await signedIn(browser, 'viewer@demo.local');
    try {
      const { page } = viewer;
      await page.goto('/?from=1997-03-01&to=1997-03-31');
      await page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
      const notice = page.getByTestId('possible-duplicates');
      expect(await notice.count()).toBe(0);
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      const at = { occurredAt: '1997-03-12T08:00:00Z', province: 'Punjab', district: 'Lahore' };
      const first = await post(report('05', { ...at, latitude: 31.55, longitude: 74.34 }));
      const second = await post(report('05', { ...at, latitude: 31.56, longitude: 74.35 }));
      await notice.filter({ hasText: '1 possible duplicate in this period' }).waitFor({ timeout: 60_000 });
      await screenshot(page, 'overview-possible-duplicates');

      const candidate = await candidateOf('1997-03-12', first, second);
      const merged = await api.post(`/api/duplicate-candidates/${candidate}/merge`, { data: {} });
      expect(merged.status()).toBe(200);
      await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    } finally {
      await viewer.context.close();
    }
  });

  it('splits the chosen one of two merged records out of an incident from its page', async () => {
    const at = { occurredAt: '1997-04-08T08:00:00Z', province: 'Punjab', district: 'Multan' };
    const a = await post(report('05', { ...at, latitude: 30.19, longitude: 71.47, sources: [{ name: 'Dawn' }] }));
    const b = await post(report('05', { ...at, latitude: 30.2, longitude: 71.47, sources: [{ name: 'Nawa-i-Waqt' }] }));
    const c = await post(report('05', { ...at, latitude: 30.18, longitude: 71.47, sources: [{ name: 'Jang' }] }));
    for (const other of [b, c]) {
      const candidate = await candidateOf('1997-04-08', a, other);
      const merged = await api.post(`/api/duplicate-candidates/${candidate}/merge`, { data: { survivor: a } });
      expect(merged.status()).toBe(200);
    }
    const { page } = one;
    await page.goto(`/incidents/${a}`);
    const listed = page.getByTestId('merged-records');
    await expect.poll(() => listed.locator('li').count()).toBe(2);
    // The latest merge is offered first; the operator chooses the earlier one (once the page runs).
    const splitOut = page.getByRole('button', { name: 'Split out…' });
    await splitOut.and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
    await page.getByTestId('split-choice').selectOption(b);
    await splitOut.click();
    expect(await page.getByTestId('split-armed').innerText()).toMatch(/Nawa-i-Waqt/);
    await page.getByTestId('split-armed').getByRole('button', { name: 'Split', exact: true }).click();
    await page.getByText(/is its own record again/).waitFor({ timeout: 20_000 });
    await expect.poll(() => listed.locator('li').count(), { timeout: 20_000 }).toBe(1);
    expect(await listed.locator(`a[href="/incidents/${c}"]`).count()).toBe(1);
    await screenshot(page, 'incident-split');

    const restored = (await (await api.get(`/api/incidents/${b}`)).json()) as { incident: { retractedAt: unknown } };
    expect(restored.incident.retractedAt).toBeNull();
    const survivor = (await (await api.get(`/api/incidents/${a}`)).json()) as {
      incident: { sources: { name: string }[] };
    };
    // B's source went back with it; C's stays with the survivor.
    expect(survivor.incident.sources.map((s) => s.name)).toEqual(['Dawn', 'Jang']);

    // The record still merged away says where its report now lives, with a link there.
    await page.goto(`/incidents/${c}`);
    await page.getByRole('link', { name: 'the record that now holds this report' }).click();
    await page.waitForURL(`**/incidents/${a}`);
  });
});
