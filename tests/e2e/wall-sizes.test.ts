/**
 * The wall read from across a room: at 4K its badges, dots and chart ticks grow with the screen
 * like its text (not stuck at desktop pixel sizes), nothing sticks out of a tile, and axe stays
 * clean at every size. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, signedIn } from './browser';
import { axeViolations, tileOverflows } from './layout-checks';

describe('the wall at every screen size', () => {
  let browser: Browser;
  let viewer: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    browser = await launch();
    viewer = await signedIn(browser, 'viewer@demo.local');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('scales badges and ticks with the screen, fits its tiles and passes axe from 1280×720 to 3840×2160', async () => {
    const { page } = viewer;
    const problems: string[] = [];
    const sizes: Record<number, { badge: number; tick: number; title: number }> = {};
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('/wall');
      await page.locator('.recharts-surface').first().waitFor({ timeout: 20_000 });
      await page.locator('[data-tile] li').first().waitFor({ timeout: 20_000 });
      sizes[width] = await page.evaluate(() => {
        const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
        const feed = document.querySelector('[data-tile] li');
        return {
          badge: px(feed?.querySelector('span.uppercase') ?? null),
          tick: px(document.querySelector('text.recharts-cartesian-axis-tick-value')),
          title: px(feed?.querySelector('p') ?? null),
        };
      });
      for (const p of await tileOverflows(page)) problems.push(`${width}×${height}: ${p}`);
      for (const v of await axeViolations(page)) problems.push(`${width}×${height}: ${v}`);
      await screenshot(page, `wall-sizes-${width}x${height}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // At 4K a badge and a tick are at least as large, relative to the row's title, as at 1920.
    expect(sizes[3840]!.badge).toBeGreaterThanOrEqual(24);
    expect(sizes[3840]!.tick).toBeGreaterThanOrEqual(24);
    expect(sizes[3840]!.badge / sizes[3840]!.title).toBeGreaterThanOrEqual(
      (sizes[1920]!.badge / sizes[1920]!.title) * 0.9,
    );
    expect(sizes[1280]!.badge).toBeGreaterThanOrEqual(12);
  });
});
