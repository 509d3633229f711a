/**
 * Unknown is not zero, on the page: an incident whose source gives no injured figure reads "not
 * reported", one that reports none reads "0", and the overview says how many incidents in its
 * "at least" total lack a figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, screenshot, signedIn } from './browser';

// A month without demo data, so the overview counts these two incidents only.
const view = `from=${encodeURIComponent('1999-05-01T00:00:00.000Z')}&to=${encodeURIComponent('1999-06-01T00:00:00.000Z')}`;

describe('not reported versus a reported 0 on the page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let operator: APIRequestContext;
  const ids: Record<'silent' | 'zero', string> = { silent: '', zero: '' };

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await signedIn(browser, 'viewer@demo.local'));
    operator = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { origin: baseUrl() } });
    const login = await operator.post('/api/auth/sign-in/email', {
      data: { email: 'operator@demo.local', password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBe(true);
    const post = async (day: string, injured: object) => {
      const res = await operator.post('/api/incidents', {
        data: {
          occurredAt: `1999-05-${day}T08:00:00Z`,
          province: 'KP',
          type: 'armed_assault',
          casualties: { killed: { civilians: { low: 2 } }, injured },
          sources: [{ name: 'e2e' }],
        },
      });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { incident: { id: string } }).incident.id;
    };
    ids.silent = await post('10', {});
    ids.zero = await post('11', { civilians: { low: 0 } });
  });

  afterAll(async () => {
    await operator?.dispose();
    await context?.close();
    await browser?.close();
  });

  const totalRow = (p: Page) => p.locator('tr', { has: p.locator('th', { hasText: /^Total$/ }) }).locator('td');

  it('shows "not reported" for the incident without an injured figure and 0 for the other', async () => {
    await page.goto(`/incidents/${ids.silent}`);
    await expect.poll(() => totalRow(page).nth(1).innerText()).toBe('not reported');
    expect(await totalRow(page).nth(0).innerText()).toBe('2');
    await screenshot(page, 'incident-not-reported');
    await page.goto(`/incidents/${ids.zero}`);
    await expect.poll(() => totalRow(page).nth(1).innerText()).toBe('0');
  });

  it('says on the overview how many incidents lack an injured figure', async () => {
    await page.goto(`/?${view}`);
    const tile = page.locator('section[aria-label="Injured in incidents"]');
    await tile.getByText('1 incident without an injured figure').waitFor({ timeout: 20_000 });
    const killed = page.locator('section[aria-label="Killed in incidents"]');
    expect(await killed.innerText()).not.toMatch(/without a killed figure/);
    await screenshot(page, 'overview-not-reported');
  });
});
