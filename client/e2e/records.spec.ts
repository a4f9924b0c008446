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
  // Earlier specs in this run may have created leads (the admin sees them all): wait for the list, empty or not.
  await expect(page.getByText('No leads match.').or(page.getByRole('region', { name: 'Leads table' }))).toBeVisible();
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

test('an account and a contact are created, found by search, and opened with their timeline', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('display-name')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await page.getByLabel('Account name').fill('Babbage Analytical');
  await page.getByLabel('Domain').fill('babbage.example');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('rowheader', { name: 'Babbage Analytical' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('babbage');
  await expect(page).toHaveURL(/q=babbage/);
  await expect(page.getByRole('rowheader', { name: 'Babbage Analytical' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '54-accounts');

  await page.getByRole('link', { name: 'Babbage Analytical' }).click();
  await expect(page.getByRole('heading', { name: 'Babbage Analytical', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
  await page.getByLabel('Industry').fill('Computing');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Account saved.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '55-account');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await page.getByLabel('First name').fill('Charles');
  await page.getByLabel('Last name').fill('Babbage');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('rowheader', { name: 'Charles Babbage' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '56-contacts');
  await page.getByRole('link', { name: 'Charles Babbage' }).click();
  await expect(page.getByRole('heading', { name: 'Charles Babbage', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '57-contact');
});

test('an admin sets a quota for a rep and edits its target', async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await (async () => {
    const response = await request.post('/api/v1/auth/token', {
      data: { grantType: 'password', email: admin.email, password: admin.password },
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  })();
  const headers = { Authorization: `Bearer ${token}` };
  const team = await request.post('/api/v1/teams', { headers, data: { name: 'Quota team' } });
  expect(team.status()).toBe(201);
  const teamId = ((await team.json()) as { id: string }).id;
  const rep = await request.post('/api/v1/users', {
    headers,
    data: { email: 'quinn.quota@e2e.test', displayName: 'Quinn Quota', role: 'rep', password: 'Quinn-Initial-Pass-1', teamId },
  });
  expect(rep.status()).toBe(201);

  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('display-name')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Quotas' }).click();
  await expect(page.getByRole('heading', { name: 'Quotas', level: 1 })).toBeVisible();

  await page.getByLabel('Rep').selectOption({ label: 'Quinn Quota' });
  await page.getByLabel('Period', { exact: true }).selectOption('month');
  await page.getByLabel('Target').fill('50000');
  await page.getByRole('button', { name: 'Set quota' }).click();
  await expect(page.getByRole('rowheader', { name: 'Quinn Quota' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '50,000' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '58-admin-quotas');

  await page.getByRole('button', { name: /^Edit target for Quinn Quota/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Target').fill('60000');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByRole('cell', { name: '60,000' })).toBeVisible();
});

test('an admin adds a lost reason and archives it', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('display-name')).toBeVisible();
  await page.goto('/admin/lost-reasons');
  await expect(page.getByRole('heading', { name: 'Lost reasons', level: 1 })).toBeVisible();
  await page.getByLabel('Reason', { exact: true }).fill('Went dark');
  await page.getByRole('button', { name: 'Add reason' }).click();
  await expect(page.getByRole('rowheader', { name: 'Went dark' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '59-admin-lost-reasons');
  await page.getByRole('button', { name: 'Archive Went dark' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Archive Went dark' })).toHaveCount(0);
});
