import { expect, type Page } from '@playwright/test';

/** At a phone's width (390 px) the page never scrolls sideways; wide tables scroll in their own region. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${String(scrollWidth)}px wide in a ${String(innerWidth)}px window`).toBeLessThanOrEqual(innerWidth + 1);
  if (size) await page.setViewportSize(size);
}
