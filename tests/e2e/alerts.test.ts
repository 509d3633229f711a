/**
 * Alerts in Chromium: a viewer takes the overview's filters to /alerts, creates an in-app rule (and
 * saves the view), an operator records a matching incident, and the viewer's bell lights up live,
 * without a reload, on a page served with the header CSP.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, screenshot, signedIn } from './browser';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe findings on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
}

describe('an alert rule lights the bell', () => {
  let browser: Browser;
  let viewer: { context: BrowserContext; page: Page };
  let operator: { context: BrowserContext; page: Page };
  const name = `Kech bombings ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launch();
    viewer = await signedIn(browser, 'viewer@demo.local');
    operator = await signedIn(browser, 'operator@demo.local');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a rule from the overview filters and shows the matching incident in the bell', async () => {
    const { page } = viewer;
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) errors.push(m.text());
    });
    await page.goto('/?province=Balochistan&type=suicide_bombing&range=7d');
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('button', { name: /Save or alert on this view/ }).click();
    await page.waitForURL(/\/alerts\?/);
    await expect.poll(() => page.getByText(/province: Balochistan/).count()).toBeGreaterThan(0);
    await page.getByLabel('Rule name').fill(name);
    await page.getByLabel(/Also save these filters as a view/).check();
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('listitem').filter({ hasText: name }).first().waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name }).first().waitFor();

    await page.goto('/');
    const bell = page.getByRole('button', { name: /^Alerts:/ });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Alerts: none unread');

    const res = await operator.context.request.post('/api/incidents', {
      headers: { origin: baseUrl() },
      data: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        province: 'Balochistan',
        district: 'Kech',
        type: 'suicide_bombing',
        targetType: 'security_forces',
        casualties: { killed: { security_forces: { low: 6, high: null } } },
        sources: [{ name: 'Dawn', url: 'https://www.dawn.com/news/2' }],
      },
    });
    expect(res.status()).toBe(201);

    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 }).toBe('Alerts: 1 unread');
    await bell.click();
    const panel = page.getByRole('region', { name: 'Alerts' });
    await expect.poll(() => panel.getByText(/Suicide bombing in Kech, Balochistan.*6 killed/).count()).toBe(1);
    await screenshot(page, 'alerts-bell');
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Alerts: none unread');
    expect(errors).toEqual([]);
    await page.goto('/alerts');
    expect(await axeViolations(page)).toEqual([]);
  });
});
