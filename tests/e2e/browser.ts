/** Chromium for the e2e suite: Debian's build, driven by playwright-core (no browser download). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DEMO_PASSWORD = 'watch-the-border-demo';

/** A browser context signed in through the sign-in page, as a person would. */
export async function signedIn(
  browser: Browser,
  email: string,
  viewport = { width: 1400, height: 1000 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 60_000 }),
    page.getByRole('button', { name: /sign in/i }).click(),
  ]);
  return { context, page };
}

/** The whole page by default; `fullPage: false` for what a screen shows (a phone's first view). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Opens a record form and waits until React has hydrated it (its save button is enabled only then):
 * typing into a form before hydration can be reset by it, and a click cannot save yet.
 */
export async function gotoForm(page: Page, url: string, save: RegExp = /^Record /): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: save }).and(page.locator(':enabled')).first().waitFor();
}
