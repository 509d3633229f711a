/**
 * An alias an admin adds moves stored records on open dashboards: an overview shows incidents whose
 * source names "Zarb Lashkar" (none of our groups) under "Other named actors"; an admin adds that
 * name as an alias of a group on the group's page and presses the re-match button; the open
 * overview's group breakdown moves the incidents to the group, live, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, screenshot, signedIn } from './browser';

const SHORT = 'ZLX';
const NAMED = 'Zarb Lashkar (Waziristan)';

describe('re-matching groups on an open overview', () => {
  let browser: Browser;
  let watcher: { context: BrowserContext; page: Page };
  let admin: { context: BrowserContext; page: Page };
  let api: APIRequestContext;
  let groupId = '';

  beforeAll(async () => {
    browser = await launch();
    watcher = await signedIn(browser, 'viewer@demo.local');
    admin = await signedIn(browser, 'admin@demo.local');
    api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { origin: baseUrl() } });
    const login = await api.post('/api/auth/sign-in/email', {
      data: { email: 'admin@demo.local', password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBe(true);
    const group = await api.post('/api/groups', { data: { shortName: SHORT, fullName: 'Zarb Front (e2e)' } });
    expect(group.status()).toBe(201);
    groupId = ((await group.json()) as { group: { id: string } }).group.id;
    // Three incidents naming the actor (no group yet), one naming no one, all in February 1996.
    for (const [day, name] of [
      ['05', NAMED],
      ['06', NAMED],
      ['07', NAMED],
      ['08', 'Unidentified Armed Group (Pakistan)'],
    ] as const) {
      const res = await api.post('/api/incidents', {
        data: {
          occurredAt: `1996-02-${day}T08:00:00Z`,
          province: 'KP',
          type: 'armed_assault',
          casualties: { killed: { civilians: { low: 2 } } },
          actors: [{ role: 'perpetrator', name }],
          sources: [{ name: 'e2e' }],
        },
      });
      expect(res.status()).toBe(201);
    }
  });

  afterAll(async () => {
    await api?.dispose();
    await watcher?.context.close();
    await admin?.context.close();
    await browser?.close();
  });

  const rowOf = (page: Page, label: string) =>
    page.locator('#by-group tbody tr').filter({ has: page.locator('th', { hasText: label }) });
  const countOf = async (page: Page, label: string): Promise<number | null> => {
    const row = rowOf(page, label);
    if ((await row.count()) === 0) return null;
    return Number((await row.locator('td').first().innerText()).split('·')[0]!.replace(/[^0-9]/g, ''));
  };

  it('moves the incidents from "Other named actors" to the group without a reload', async () => {
    const page = watcher.page;
    await page.goto('/?from=1996-02-01&to=1996-03-01');
    await rowOf(page, 'Other named actors').waitFor({ timeout: 60_000 });
    expect(await countOf(page, 'Other named actors')).toBe(3);
    expect(await countOf(page, 'Unknown / unclaimed')).toBe(1);
    expect(await countOf(page, SHORT)).toBeNull();
    // The feed names the perpetrator as the source does.
    const feedNamed = page.locator('li').filter({ hasText: NAMED });
    await expect.poll(() => feedNamed.count(), { timeout: 60_000 }).toBe(3);
    // Marks the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));

    // The incidents list names the perpetrator as the source does, and "Unknown" only for the fourth.
    const a = admin.page;
    await a.goto('/incidents?from=1996-02-01&to=1996-03-01');
    const table = a.locator('table tbody');
    await expect.poll(() => table.locator('td', { hasText: NAMED }).count(), { timeout: 60_000 }).toBe(3);
    expect(await table.locator('td', { hasText: /^Unknown$/ }).count()).toBe(1);

    // The admin adds the name as an alias on the group's page, saves, and re-matches.
    await a.goto(`/admin/groups/${groupId}`);
    const aliases = a.getByLabel('Aliases');
    await a.getByRole('button', { name: 'Save changes' }).and(a.locator(':enabled')).waitFor({ timeout: 60_000 });
    await aliases.fill(NAMED);
    await a.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(
        async () => {
          const g = await api.get(`/api/groups/${groupId}`);
          return ((await g.json()) as { group: { aliases: string[] } }).group.aliases;
        },
        { timeout: 60_000 },
      )
      .toEqual([NAMED]);
    await a.goto('/admin/groups');
    const rematch = a.getByRole('button', { name: 'Re-match stored records to groups' });
    await rematch.and(a.locator(':enabled')).waitFor({ timeout: 60_000 });
    await rematch.click();
    await a.getByText(/^3 of [\d,]+ records with source actors re-matched/).waitFor({ timeout: 60_000 });

    // The open overview follows: the group has the three, "Other named actors" is gone, unknown stays.
    await expect.poll(() => countOf(page, SHORT), { timeout: 60_000 }).toBe(3);
    await expect.poll(() => countOf(page, 'Other named actors'), { timeout: 60_000 }).toBeNull();
    expect(await countOf(page, 'Unknown / unclaimed')).toBe(1);
    await expect.poll(() => feedNamed.count(), { timeout: 60_000 }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
    await screenshot(page, 'rematch-live-overview');
  });
});
