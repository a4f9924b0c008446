import type { Page } from '@playwright/test';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The signed-in tab's access token, for checking the API directly from a test. */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('salescrm.session') ?? '{}') as { accessToken?: string }).accessToken,
  );
  if (!token) throw new Error('No session in this tab');
  return token;
}

/** Opens the account menu in the top bar and picks an item. */
export async function accountMenu(page: Page, item: 'Change password' | 'Sign out'): Promise<void> {
  await page.getByRole('button', { name: /: account$/ }).click();
  const target =
    item === 'Sign out' ? page.getByRole('button', { name: item }) : page.getByRole('link', { name: item });
  await target.click();
}
