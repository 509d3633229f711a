/**
 * The ACLED sync's admin page in Chromium, against the stand-in ACLED API the e2e server points at
 * (tests/e2e/global-setup.ts): an account is entered and never shown back, "Sync now" runs, the
 * page shows the run and its report (rows and fatalities by outcome), and the import page's panel
 * shows the same last run to an admin (and nothing to an operator).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launch, screenshot, signedIn } from './browser';

describe('ACLED sync admin page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('stores the account without showing it, syncs on demand and shows the report', async () => {
    const account = inject('acledAccount');
    const { page } = await signedIn(browser, 'admin@demo.local');
    await page.goto('/admin/acled-sync');
    await expect.poll(() => page.getByTestId('account-state').innerText()).toMatch(/No account is stored/);
    await page.getByLabel('Email (myACLED username)').fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => page.getByTestId('account-state').innerText()).toMatch(/An account is stored/);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain(account.password);

    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.getByTestId('sync-last-run').innerText(), { timeout: 30_000 })
      .toMatch(/succeeded · 3 events read: 3 new/);
    await expect.poll(() => page.getByTestId('sync-next-run').innerText()).not.toMatch(/now/);
    await page.getByTestId('sync-runs').getByRole('button').first().click();
    const table = page.getByRole('table', { name: /Where every event ACLED sent went/ });
    await expect.poll(() => table.getByRole('row', { name: /Imported as new records/ }).innerText()).toMatch(/3\s+6/);
    await expect.poll(() => table.getByRole('row', { name: /Sent by ACLED/ }).innerText()).toMatch(/3\s+6/);
    await screenshot(page, 'acled-sync-admin');
  });

  it('shows the sync panel on the import page to an admin, not to an operator', async () => {
    const admin = await signedIn(browser, 'admin@demo.local');
    await admin.page.goto('/record/import');
    await expect.poll(() => admin.page.getByTestId('sync-last-run').innerText()).toMatch(/succeeded/);
    const operator = await signedIn(browser, 'operator@demo.local');
    await operator.page.goto('/record/import');
    await operator.page.getByRole('heading', { name: 'Import a source file', level: 1 }).waitFor();
    expect(await operator.page.getByRole('heading', { name: 'ACLED API sync' }).count()).toBe(0);
  });
});
