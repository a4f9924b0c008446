import { expect, test } from '@playwright/test';
import { admin } from './accounts';
import { expectNoSeriousA11yViolations } from './axe';
import { screenshot } from './screenshots';
import { signIn } from './session';

test('a lead is created, found in the list, converted, and opens as an opportunity', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('display-name')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
  await expect(page.getByText('No leads match.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
  await page.getByLabel('Company').fill('Compilers Inc');
  await page.getByLabel('Email').fill('grace@example.com');
  await page.getByLabel('Source', { exact: true }).first().fill('conference');
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('rowheader', { name: 'Grace Hopper' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill('compilers');
  await expect(page).toHaveURL(/q=compilers/);
  await expect(page.getByRole('rowheader', { name: 'Grace Hopper' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '50-leads');

  await page.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(page.getByRole('heading', { name: 'Grace Hopper', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '51-lead');

  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Convert “Grace Hopper”' });
  await dialog.getByLabel('Opportunity name').fill('Compilers rollout');
  await dialog.getByLabel('Amount').fill('25000');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '52-lead-convert');
  await dialog.getByRole('button', { name: 'Convert lead' }).click();

  await expect(page).toHaveURL(/\/opportunities\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'Compilers rollout', level: 1 })).toBeVisible();
  await screenshot(page, '53-lead-converted-opportunity');
});
