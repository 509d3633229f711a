/**
 * The workflows of issue 14 in Chromium: future dates refused everywhere and years shown; an
 * operation's own page with Edit and Retract that a viewer's open copy follows; the import under
 * Record for operators; a wall whose banner and feed follow corrections and retractions and whose
 * tiles fit at four screen sizes; a phone that works at 390 px. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, signedIn, gotoForm } from './browser';
import { axeViolations, sidewaysScroll, tileOverflows } from './layout-checks';

const PHONE = { width: 390, height: 844 };
const WIDTHS = [390, 1280, 1920] as const;

describe('workflows', () => {
  let browser: Browser;
  let operator: { context: BrowserContext; page: Page };
  let viewer: { context: BrowserContext; page: Page };
  const origin = () => new URL(operator.page.url()).origin;
  const api = (method: 'post' | 'patch' | 'delete', path: string, data?: unknown) =>
    operator.page.request.fetch(path, { method, data, headers: { origin: origin() } });

  beforeAll(async () => {
    browser = await launch();
    operator = await signedIn(browser, 'operator@demo.local');
    viewer = await signedIn(browser, 'viewer@demo.local');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses an occurrence after now in the form and the API, and shows the year of older records', async () => {
    const { page } = operator;
    await gotoForm(page, '/record/incident');
    await page.getByLabel('Date').fill(`${new Date().getUTCFullYear() + 1}-03-15`);
    await page.getByLabel('Province').selectOption('KP');
    await page.getByLabel('Type of incident').selectOption('ied_explosive');
    await page.getByRole('button', { name: /^Record incident/ }).click();
    const date = page.getByLabel('Date');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    const text = await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `#${id}`)
          .join(', '),
      )
      .allInnerTexts();
    expect(text.join(' ')).toMatch(/cannot be in the future/);
    expect(page.url()).toContain('/record/incident');
    await screenshot(page, 'future-date-refused');

    const res = await api('post', '/api/incidents', {
      occurredAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      timePrecision: 'exact',
      province: 'KP',
      type: 'clash',
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.fields.occurredAt).toMatch(/later than now/);

    const header =
      'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,country,iso,admin1,admin2,location,geo_precision,source,notes,fatalities';
    const csv = `${header}\nPAK990001,15 March ${new Date().getUTCFullYear() + 1},1,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Pakistan),3,Pakistan,586,Khyber Pakhtunkhwa,Bannu,Bannu,1,Dawn,An IED.,2\n`;
    const imported = await operator.page.request.post('/api/import/acled', {
      data: csv,
      headers: { origin: origin(), 'content-type': 'text/csv' },
    });
    const report = await imported.json();
    expect(report.errorCount).toBe(1);
    expect(report.errors[0].message).toMatch(/occurredAt.*future/);

    await viewer.page.goto('/incidents?range=all&sort=occurredAt');
    const first = await viewer.page.locator('table tbody tr td').first().innerText();
    expect(first).toMatch(/20\d\d/);
  });

  it('opens an operation from the list; Edit and Retract there; a viewer on the page follows both', async () => {
    await operator.page.goto('/operations');
    await operator.page.locator('table tbody tr td a').first().click();
    await operator.page.waitForURL(/\/operations\/[0-9a-f-]{36}$/);
    const path = new URL(operator.page.url()).pathname;
    for (const heading of ['Outcome', 'Details', 'Actors', 'Sources', 'History'])
      await operator.page.getByRole('heading', { name: heading }).first().waitFor();
    await operator.page.getByRole('link', { name: 'Retract operation' }).waitFor();

    await viewer.page.goto(path);
    await viewer.page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
    expect(await viewer.page.getByRole('link', { name: /Edit operation/ }).count()).toBe(0);
    for (const width of WIDTHS) {
      await viewer.page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      await screenshot(viewer.page, `operation-page-${width}`);
    }
    await viewer.page.setViewportSize({ width: 1400, height: 1000 });

    await operator.page.getByRole('link', { name: /Edit operation/ }).click();
    await operator.page.waitForURL(/\/record\/operation\//);
    // Typing before hydration can be reset by it: the save button is enabled once hydrated.
    await operator.page
      .getByRole('button', { name: /^Save changes/ })
      .and(operator.page.locator(':enabled'))
      .waitFor();
    const agency = `Agency ${Date.now().toString(36)}`;
    await operator.page.getByLabel('Agency').fill(agency);
    await operator.page.getByRole('button', { name: /^Save changes/ }).click();
    await operator.page.waitForURL((u) => u.pathname === path, { timeout: 15_000 });
    await viewer.page.getByText(agency).first().waitFor({ timeout: 30_000 });

    await operator.page.getByRole('link', { name: 'Retract operation' }).click();
    await operator.page.getByRole('button', { name: /^Retract this operation/ }).click();
    await operator.page.getByLabel(/^Reason/).fill('Counted twice in the weekly total');
    await operator.page
      .getByRole('dialog')
      .getByRole('button', { name: /retract/i })
      .click();
    await viewer.page.getByText('Counted twice in the weekly total').first().waitFor({ timeout: 30_000 });
    expect(await viewer.page.getByRole('heading', { level: 1 }).getAttribute('class')).toMatch(/line-through/);
    await screenshot(viewer.page, 'operation-retracted');
  });

  it('lets an operator import under Record; admin keeps its own sections', async () => {
    const { page } = operator;
    const res = await page.goto('/record');
    expect(res?.status()).toBe(200);
    await page.getByRole('link', { name: /Import an ACLED, UCDP GED or GTD CSV/ }).click();
    await page.waitForURL(/\/record\/import$/);
    const csv =
      'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,country,iso,admin1,admin2,location,geo_precision,source,notes,fatalities\n' +
      'PAK990002,2 March 2024,1,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Pakistan),3,Pakistan,586,Khyber Pakhtunkhwa,Bannu,Bannu,1,Dawn,An IED.,2\n';
    await page
      .getByLabel('CSV file (ACLED, UCDP GED or GTD)')
      .setInputFiles({ name: 'acled.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /^Import$/ }).click();
    await page.getByText(/Every row is accounted for: 1 of 1/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'operator-import-report');
    // The import is a stored job: its page, and the history under the form.
    await page.getByRole('link', { name: /This import in your history/ }).click();
    await page.waitForURL(/\/record\/import\/jobs\/[\w-]+$/);
    expect(await page.getByTestId('job-state').innerText()).toBe('done');
    await page.getByText(/Every row is accounted for: 1 of 1/).waitFor();
    await page.goto('/record/import');
    expect(await page.getByTestId('recent-imports').innerText()).toMatch(/acled\.csv[\s\S]*done/);
    const moved = await page.goto('/admin/import');
    expect(new URL(page.url()).pathname).toBe('/record/import');
    expect(moved?.status()).toBe(200);

    const admin = await signedIn(browser, 'admin@demo.local');
    await admin.page.goto('/admin');
    const tabs = await admin.page.getByRole('navigation', { name: 'Admin sections' }).innerText();
    expect(tabs).toMatch(/Users/);
    expect(tabs).toMatch(/API tokens/);
    expect(tabs).not.toMatch(/import/i);
    expect((await admin.page.goto('/record/import'))?.status()).toBe(200);
    await admin.context.close();
    expect((await viewer.page.goto('/record/import'))?.status()).toBe(403);
  });

  it('keeps the wall true: the banner follows a correction and leaves on retraction; the retracted row leaves the feed', async () => {
    const wall = await viewer.context.newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto('/wall');
    await wall.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
    const overview = viewer.page;
    await overview.goto('/');
    await overview.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });

    const place = `Banner check ${Date.now().toString(36)}`;
    const created = await api('post', '/api/incidents', {
      occurredAt: new Date().toISOString(),
      timePrecision: 'exact',
      province: 'KP',
      place,
      type: 'suicide_bombing',
      casualties: { killed: { civilians: { low: 14, high: 17 } } },
    });
    expect(created.status()).toBe(201);
    const { incident } = await created.json();
    const banner = wall.getByRole('alert').filter({ hasText: 'MASS-CASUALTY' });
    await expect.poll(() => banner.innerText(), { timeout: 30_000 }).toMatch(/14–17 killed/);
    await screenshot(wall, 'wall-banner');

    const corrected = await api('patch', `/api/incidents/${incident.id}`, {
      version: 1,
      casualties: { killed: { civilians: { low: 22, high: 24 } } },
    });
    expect(corrected.status()).toBe(200);
    await expect.poll(() => banner.innerText(), { timeout: 30_000 }).toMatch(/22–24 killed/);

    const retracted = await api('delete', `/api/incidents/${incident.id}`, { reason: 'Not a real report' });
    expect(retracted.status()).toBe(200);
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    const feed = wall.getByRole('region', { name: 'Latest incidents' });
    await feed.getByText('Retracted: Not a real report').waitFor({ timeout: 30_000 });
    await overview.getByText('Retracted: Not a real report').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => feed.getByText(place).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => overview.getByText(place).count(), { timeout: 20_000 }).toBe(0);
    for (const p of [wall, overview]) {
      await p.reload();
      await p.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
      expect(await p.getByText(place).count()).toBe(0);
    }
    await wall.close();
  });

  it('fits every wall tile at 1280×720, 1440×900, 1920×1080 and 3840×2160', async () => {
    const wall = await viewer.context.newPage();
    const problems: string[] = [];
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      await wall.setViewportSize({ width, height });
      await wall.goto('/wall');
      await wall.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
      await wall.locator('.recharts-surface').first().waitFor({ timeout: 20_000 });
      for (const p of await tileOverflows(wall)) problems.push(`${width}×${height}: ${p}`);
      await screenshot(wall, `wall-${width}x${height}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    await wall.close();
  });

  it('works on a phone: a menu, cards, filters on screen, one-column wall, nothing scrolls sideways', async () => {
    const phone = await signedIn(browser, 'operator@demo.local', PHONE);
    const { page } = phone;
    await page.goto('/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    for (const name of ['Overview', 'Incidents', 'Operations', 'Groups', 'Wall', 'Record'])
      await page.locator('#phone-menu').getByRole('link', { name }).waitFor();
    await screenshot(page, 'phone-menu', { fullPage: false });
    await page.locator('#phone-menu').getByRole('link', { name: 'Incidents' }).click();
    await page.waitForURL(/\/incidents/);
    const card = page.getByRole('list', { name: 'Incidents in this view' }).locator('li').first();
    expect(await card.innerText()).toMatch(/killed/);
    await page.locator('details[data-filter] summary').last().click();
    const box = await page.locator('details[data-filter][open] fieldset').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-filter-open', { fullPage: false });

    const problems: string[] = [];
    const pages = [
      '/',
      '/incidents',
      '/operations',
      '/groups',
      '/wall',
      '/record',
      '/record/incident',
      '/record/operation',
      '/record/import',
    ];
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const wide = await sidewaysScroll(page);
      if (wide) problems.push(`${path}: ${wide}`);
      await screenshot(page, `phone${path === '/' ? '-overview' : path.replaceAll('/', '-')}`, { fullPage: false });
    }
    await page.goto('/wall');
    const tiles = await page
      .locator('[data-tile]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(Math.min(...tiles.filter((w) => w > 300))).toBeGreaterThan(300);
    expect(problems, problems.join('\n')).toEqual([]);
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto('/incidents');
      await screenshot(page, `incidents-${width}`);
    }
    await phone.context.close();
  });

  it('reads in words: history, the live indicator, groups by short name, counters and whole numbers', async () => {
    const created = await api('post', '/api/incidents', {
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      timePrecision: 'exact',
      province: 'Sindh',
      place: `History check ${Date.now().toString(36)}`,
      type: 'armed_assault',
      casualties: { killed: { civilians: { low: 12, high: null } } },
    });
    const { incident } = await created.json();
    await api('patch', `/api/incidents/${incident.id}`, {
      version: 1,
      casualties: { killed: { civilians: { low: 20, high: null } } },
    });
    const { page } = viewer;
    await page.goto(`/incidents/${incident.id}`);
    await page.getByText('Civilians killed, at least: 12 → 20').waitFor({ timeout: 30_000 });
    const live = page.getByRole('status').filter({ hasText: /^Live/ }).first();
    await live.waitFor({ timeout: 20_000 });
    const indicator = live.locator('..');
    await expect.poll(() => indicator.innerText()).toMatch(/Live\s*· updated \d+ s ago/);
    expect(await indicator.getAttribute('title')).toMatch(/Change-log position \d+/);
    await screenshot(page, 'history-in-words');

    const res = await page.goto('/incidents?group=TTP');
    expect(res?.status()).toBe(200);
    expect(await page.locator('details[data-filter] summary', { hasText: 'Group:' }).innerText()).toMatch(/TTP/);
    expect(await page.getByText(/must be group/).count()).toBe(0);
    const stats = await page.request.get('/api/stats/summary?group=ttp&range=all');
    expect(stats.status()).toBe(200);
    expect(await (await page.request.get('/api/incidents?group=Nobody')).json()).toMatchObject({
      error: { fields: { 'group.0': expect.stringMatching(/short names/) } },
    });

    const form = operator.page;
    await gotoForm(form, '/record/incident');
    const summary = form.getByLabel('Summary');
    await summary.fill('x'.repeat(6000));
    expect((await summary.inputValue()).length).toBe(6000);
    await form.getByText('6,000 / 5,000 characters — 1,000 too many').waitFor();
    await form.getByLabel('Killed — civilians, at least').fill('2.5');
    await form.getByRole('button', { name: /^Record incident/ }).click();
    await form
      .getByText(/must be a whole number/)
      .first()
      .waitFor();
    await form
      .getByText(/too long \(5000 characters at most\)/)
      .first()
      .waitFor();
    // A field near the bottom, focused, sits clear of the sticky submit bar.
    await form.getByLabel('Killed — not specified, up to').focus();
    const field = await form.getByLabel('Killed — not specified, up to').boundingBox();
    const bar = await form.locator('.sticky.bottom-0').boundingBox();
    expect(field!.y + field!.height).toBeLessThanOrEqual(bar!.y);
    await screenshot(form, 'form-counter-whole-number', { fullPage: false });
  });

  it('inserts a matching new incident live into the list, highlighted, with the total', async () => {
    const { page } = viewer;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/incidents?range=7d&province=Punjab');
    await page.getByRole('status').filter({ hasText: /^Live/ }).first().waitFor({ timeout: 20_000 });
    const totalOf = async () => Number((await page.locator('[data-total] b').innerText()).replace(/,/g, ''));
    const before = await totalOf();
    expect(await page.locator('[data-total]').innerText()).toMatch(/incidents? in this view/);
    const place = `Live row ${Date.now().toString(36)}`;
    await api('post', '/api/incidents', {
      occurredAt: new Date().toISOString(),
      timePrecision: 'exact',
      province: 'Punjab',
      place,
      type: 'targeted_killing',
    });
    await api('post', '/api/incidents', {
      occurredAt: new Date().toISOString(),
      timePrecision: 'exact',
      province: 'Sindh',
      type: 'clash',
      place: `Elsewhere ${place}`,
    });
    const row = page.locator('table tbody tr', { hasText: place }).first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('class')).toMatch(/arrive/);
    expect(await page.locator('table tbody tr').first().innerText()).toContain(place);
    expect(await page.getByText(`Elsewhere ${place}`).count()).toBe(0);
    await expect.poll(totalOf, { timeout: 30_000 }).toBe(before + 1);
    await screenshot(page, 'incidents-live-insert', { fullPage: false });
  });

  it('answers a manager: buckets, compare mode, KP (all), operations in their own panel, tile meanings', async () => {
    const { page } = viewer;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto('/?range=1y');
    const buckets = page.getByRole('navigation', { name: 'Bucket' });
    expect(await buckets.getByRole('link', { name: 'Week' }).getAttribute('aria-current')).toBe('true');
    await buckets.getByRole('link', { name: 'Month' }).click();
    await page.waitForURL(/bucket=month/);
    await page
      .locator('#trend')
      .getByText(/^Per month/)
      .waitFor();
    const months = await page.locator('#trend details tbody tr').count();
    expect(months).toBeGreaterThanOrEqual(12);
    expect(months).toBeLessThanOrEqual(13);
    await page.locator('#operations-trend').getByRole('heading', { name: 'Operations over time' }).waitFor();
    expect(await page.locator('#trend').innerText()).not.toMatch(/Operations/);
    expect(await page.locator('section[aria-label="Killed in incidents"]').getAttribute('title')).toMatch(/at least/);

    await page.goto('/?range=90d&province=KP,Balochistan');
    await page.locator('#compare [data-compare]').nth(1).waitFor();
    expect(await page.locator('#compare [data-compare]').count()).toBe(2);
    await expect
      .poll(() => page.locator('#compare').innerText(), { timeout: 10_000 })
      .toMatch(/Balochistan\s*\d+ incidents/);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      await screenshot(page, `manager-compare-${width}`);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });

    await page.goto('/?range=1y');
    const byProvince = page.locator('#by-province');
    await byProvince.getByRole('link', { name: 'Khyber Pakhtunkhwa (all)' }).click();
    await page.waitForURL(/province=KP%2CKP-MD|province=KP,KP-MD/);
    await page
      .locator('details[data-filter] summary', { hasText: 'Province:' })
      .getByText('Khyber Pakhtunkhwa (all)')
      .waitFor();
  });

  it('has no serious or critical accessibility violations on the new pages, wide and at 390 px', async () => {
    await operator.page.goto('/operations');
    const href = await operator.page.locator('table tbody tr td a').first().getAttribute('href');
    const found: string[] = [];
    for (const viewport of [{ width: 1400, height: 1000 }, PHONE]) {
      await operator.page.setViewportSize(viewport);
      for (const path of [href!, '/record', '/record/import', '/incidents', '/', '/wall']) {
        await operator.page.goto(path);
        await operator.page.waitForLoadState('networkidle');
        for (const v of await axeViolations(operator.page)) found.push(`${viewport.width} ${path}: ${v}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
