/**
 * No page scrolls sideways on a 390 px phone: every page of the dashboard, a record of each kind,
 * the record forms and the admin section, as an admin (who sees every page). Screenshots of each
 * page's first screen go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, signedIn } from './browser';
import { sidewaysScroll } from './layout-checks';

const PHONE = { width: 390, height: 844 };

describe('every page on a phone', () => {
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    browser = await launch();
    admin = await signedIn(browser, 'admin@demo.local', PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('never scrolls sideways at 390 px', async () => {
    const { page } = admin;
    const first = async (list: string, pattern: RegExp) => {
      await page.goto(list);
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      return hrefs.find((h) => pattern.test(h));
    };
    const uuid = '[0-9a-f-]{36}';
    const records = [
      await first('/incidents', new RegExp(`^/incidents/${uuid}$`)),
      await first('/operations', new RegExp(`^/operations/${uuid}$`)),
      await first('/groups', new RegExp(`^/groups/${uuid}$`)),
    ];
    expect(records.every(Boolean), JSON.stringify(records)).toBe(true);
    const pages = [
      '/',
      '/?range=90d&province=KP,Balochistan',
      '/incidents',
      '/operations',
      '/groups',
      '/wall',
      '/alerts',
      '/record',
      '/record/incident',
      '/record/operation',
      '/record/import',
      '/admin',
      '/admin/users',
      '/admin/tokens',
      '/admin/groups',
      '/admin/reference-figures',
      '/admin/annotations',
      ...(records as string[]),
    ];
    const problems: string[] = [];
    for (const path of pages) {
      const res = await page.goto(path);
      if ((res?.status() ?? 0) >= 400) problems.push(`${path}: answered ${res?.status()}`);
      await page.waitForLoadState('networkidle');
      const wide = await sidewaysScroll(page);
      if (wide) problems.push(`${path}: ${wide}`);
      const name = path === '/' ? 'overview' : path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
      await screenshot(page, `phone-page-${name.slice(0, 60)}`, { fullPage: false });
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
