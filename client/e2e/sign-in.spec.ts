import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { admin } from './accounts';
import { phoneScreenshot, screenshot } from './screenshots';
import { accountMenu, signIn } from './session';

test('an admin signs in, sees the shell and the users, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in to SalesCrm' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '01-sign-in');
  await phoneScreenshot(page, '01-sign-in');

  const meResponse = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.ok());
  await signIn(page, admin.email, admin.password);
  const me = (await (await meResponse).json()) as { displayName: string; role: string };

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('display-name')).toHaveText(me.displayName);
  await expect(page.getByTestId('role')).toHaveText('Administrator');
  expect(me.role).toBe('admin');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '02-my-day');
  await phoneScreenshot(page, '02-my-day');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('cell', { name: admin.email })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '03-admin-users');

  const refreshToken = await page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('salescrm.session') ?? '{}') as { refreshToken?: string }).refreshToken,
  );
  const signOutResponse = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign-out'));
  await accountMenu(page, 'Sign out');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await signOutResponse).status()).toBe(204);
  await screenshot(page, '04-signed-out');

  // The session is gone from the tab and the refresh token is revoked on the server.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  const reuse = await page.request.post('/api/v1/auth/token', {
    data: { grantType: 'refresh_token', refreshToken },
    failOnStatusCode: false,
  });
  expect(reuse.status()).toBeGreaterThanOrEqual(400);
});

test('a wrong password shows an error and stays on sign-in', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, admin.email, 'not-the-password');

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '05-wrong-password');
});

test('a client-side route loads directly from the server', async ({ page }) => {
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in$/);
});
