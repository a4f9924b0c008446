import type { Page } from '@playwright/test';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The same page at a phone's width, where reps log calls between meetings. */
export async function phoneScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  if (size) await page.setViewportSize(size);
}
