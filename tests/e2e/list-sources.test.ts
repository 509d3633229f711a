/**
 * The lists narrow by where records came from and by actor text, incidents and operations alike:
 * the choice survives in the URL and the export link, and the operations page says that its figures
 * still count every source while the list is narrowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, signedIn } from './browser';

describe('lists by source', () => {
  let browser: Browser;
  let viewer: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launch();
    viewer = await signedIn(browser, 'viewer@demo.local');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('narrows the operations list by source, keeps it in the URL and the export, and says what the figures count', async () => {
    const { page } = viewer;
    await page.goto('/operations?range=all');
    const all = await page.locator('table tbody tr').count();
    expect(all).toBeGreaterThan(0);
    expect(await page.getByRole('note').count()).toBe(0);

    // The demo operations were recorded here: none came from GTD.
    await page.getByLabel('Source', { exact: true }).selectOption('gtd');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL((u) => u.searchParams.get('source') === 'gtd');
    expect(new URL(page.url()).searchParams.get('range')).toBe('all');
    await page.getByText('No operations match this view.').waitFor();
    expect(await page.getByRole('note').innerText()).toMatch(
      /The list shows 0 operation records from GTD; the figures and chart above count every source/,
    );
    const csv = await page.getByRole('link', { name: /Export these operations as CSV/ }).getAttribute('href');
    expect(new URLSearchParams(csv!.split('?')[1]).get('source')).toBe('gtd');
    await screenshot(page, 'operations-by-source');

    await page.getByLabel('Source', { exact: true }).selectOption('local');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL((u) => u.searchParams.get('source') === 'local');
    const local = await page.locator('table tbody tr').count();
    expect(local).toBe(all);
    const note = await page.getByRole('note').innerText();
    const counted = Number(/shows ([\d,]+) operation/.exec(note)![1]!.replace(/,/g, ''));
    expect(counted).toBeGreaterThanOrEqual(local);

    await page.getByRole('link', { name: 'Clear' }).click();
    await page.waitForURL((u) => !u.searchParams.has('source'));
    expect(await page.getByRole('note').count()).toBe(0);
  });

  it('keeps the incidents list narrowing as before', async () => {
    const { page } = viewer;
    await page.goto('/incidents?range=all');
    await page.getByLabel('Source', { exact: true }).selectOption('gtd');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL((u) => u.searchParams.get('source') === 'gtd');
    expect(new URL(page.url()).searchParams.get('range')).toBe('all');
    await page.getByRole('link', { name: 'Clear' }).click();
    await page.waitForURL((u) => !u.searchParams.has('source'));
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
  });
});
