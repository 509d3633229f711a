/**
 * Pages in Chromium under their Content-Security-Policy: a fresh nonce per page, no violation while
 * the overview hydrates, draws its charts and goes live; the sign-in form works without JavaScript
 * (posted, never a GET with the password in the URL); bad query strings show a message and the
 * default view instead of an error page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, signedIn } from './browser';

/** Collects CSP violations the page reports (blocked scripts, styles, connections). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

describe('page security in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a nonce-based policy on every page and the overview runs under it (hydration, charts, live)', async () => {
    const first = await fetch(`${baseUrl()}/sign-in`);
    const second = await fetch(`${baseUrl()}/sign-in`);
    const policy = first.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toBe(second.headers.get('content-security-policy'));
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(await first.text()).toContain(`nonce="${nonce}"`);

    const { context, page } = await signedIn(browser, 'viewer@demo.local');
    const violations = await watchViolations(page);
    await page.goto('/');
    await page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
    await page.locator('#trend svg.recharts-surface').first().waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('signs in without JavaScript by a POST, never putting the password in the URL', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(`${r.method()} ${r.url()}`));
    await page.goto('/sign-in?next=/incidents');
    await page.getByLabel(/email/i).fill('viewer@demo.local');
    await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL(/\/incidents$/), page.getByRole('button', { name: /sign in/i }).click()]);
    expect(urls.some((u) => u.startsWith('POST ') && u.endsWith('/api/auth/sign-in/form'))).toBe(true);
    expect(urls.filter((u) => u.includes(encodeURIComponent(DEMO_PASSWORD)) || u.includes(DEMO_PASSWORD))).toEqual([]);
    await context.close();
  });

  it('shows the message and the default view for a bad period or a tampered cursor', async () => {
    const { context, page } = await signedIn(browser, 'viewer@demo.local');
    const bucket = await page.goto('/?bucket=hour&from=1970-01-01');
    expect(bucket!.status()).toBe(200);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/hour buckets need a period/);
    const cursor = Buffer.from(
      JSON.stringify({ s: '-occurredAt', v: '9999-99-99 99:99:99', id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    for (const list of ['/incidents', '/operations']) {
      const res = await page.goto(`${list}?cursor=${cursor}`);
      expect(res!.status(), list).toBe(200);
      await expect.poll(() => page.locator('body').innerText()).toMatch(/not a cursor of this list/);
    }
    await context.close();
  });
});
