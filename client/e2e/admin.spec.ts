import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { admin } from './accounts';
import { expectNoSeriousA11yViolations } from './axe';
import { screenshot } from './screenshots';
import { accessToken, accountMenu, signIn } from './session';

const manager = {
  email: 'mona.manager@e2e.test',
  name: 'Mona Manager',
  password: 'Mona-Initial-Pass-1',
  newPassword: 'Mona-Changed-Pass-2',
};

// The manager created by the first test signs in in the second.
test.describe.configure({ mode: 'serial' });

function adminNav(page: Page) {
  return page.getByRole('navigation', { name: 'Admin' });
}

async function signInAsAdmin(page: Page) {
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('display-name')).toBeVisible();
}

test('an admin sets up a team, a manager, an integration client and the organisation', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  await test.step('create a team', async () => {
    await adminNav(page).getByRole('link', { name: 'Teams' }).click();
    await expect(page.getByRole('heading', { name: 'Teams', level: 1 })).toBeVisible();
    await expect(page.getByText('No teams yet.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '10-admin-teams-empty');

    await page.getByLabel('Team name').fill('North');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('rowheader', { name: 'North' })).toBeVisible();
    await expect(page.getByText('Team “North” created.')).toBeVisible();

    // A duplicate name comes back as a 409 naming the field.
    await page.getByLabel('Team name').fill('north');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByLabel('Team name')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '11-admin-teams-duplicate');
    await page.getByLabel('Team name').fill('');
  });

  await test.step('a stale rename gets 412 and a reload', async () => {
    await page.getByRole('button', { name: 'Rename North' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename team' });
    await expect(dialog.getByLabel('Team name')).toHaveValue('North');
    await expectNoSeriousA11yViolations(page);

    // Someone else renames the team while the dialog is open.
    const headers = { Authorization: `Bearer ${await accessToken(page)}` };
    const teams = (await (await page.request.get('/api/v1/teams', { headers })).json()) as { items: { id: string }[] };
    const id = teams.items[0]?.id ?? '';
    const current = await page.request.get(`/api/v1/teams/${id}`, { headers });
    const renamed = await page.request.put(`/api/v1/teams/${id}`, {
      headers: { ...headers, 'If-Match': current.headers().etag ?? '' },
      data: { name: 'North & Baltics' },
    });
    expect(renamed.status()).toBe(200);

    await dialog.getByLabel('Team name').fill('Northern');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Someone else changed this while you were editing.');
    await screenshot(page, '12-admin-team-rename-conflict');
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await expect(dialog.getByLabel('Team name')).toHaveValue('North & Baltics');
    await dialog.getByLabel('Team name').fill('North');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('rowheader', { name: 'North', exact: true })).toBeVisible();
  });

  await test.step('create a manager in the team', async () => {
    await adminNav(page).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('rowheader', { name: /Admin/ })).toBeVisible();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Email').fill(manager.email);
    await dialog.getByLabel('Name').fill(manager.name);
    await dialog.getByLabel('Role').selectOption({ label: 'Manager' });
    await dialog.getByLabel('Initial password').fill(manager.password);
    await dialog.getByRole('button', { name: 'Create user' }).click();

    // No team yet: the API's field error shows on the team picker, and nothing typed is lost.
    const team = dialog.getByLabel('Team (required for managers)');
    await expect(team).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('A manager must be given the team they manage.')).toBeVisible();
    await expect(dialog.getByLabel('Email')).toHaveValue(manager.email);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '13-admin-new-user-field-errors');

    await team.selectOption({ label: 'North' });
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: manager.name }) });
    await expect(row.getByRole('cell', { name: 'Manager', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'North', exact: true })).toBeVisible();
  });

  await test.step('filter and export the users', async () => {
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'North' });
    await expect(page).toHaveURL(/team=/);
    await expect(page.getByRole('rowheader', { name: manager.name })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /Admin/ })).toBeHidden();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '14-admin-users-filtered');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.split('\r\n');
    expect(header).toBe('Name,Email,Role,Team,Status,Created');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(new RegExp(`^${manager.name},${manager.email},Manager,North,Active,\\d{4}-`));
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'All teams' });
  });

  await test.step('deactivate and reactivate with confirmation', async () => {
    await page.getByRole('button', { name: `Deactivate ${manager.name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Deactivate ${manager.name}?` });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '15-admin-deactivate-confirm');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(confirm).toBeHidden();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: manager.name }) });
    await expect(row.getByRole('cell', { name: 'Inactive', exact: true })).toBeVisible();

    await row.getByRole('button', { name: `Reactivate ${manager.name}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reactivate' }).click();
    await expect(row.getByRole('cell', { name: 'Active', exact: true })).toBeVisible();
  });

  let clientCredentials = { clientId: '', clientSecret: '' };
  await test.step('create an integration client and see its secret once', async () => {
    await adminNav(page).getByRole('link', { name: 'Integration clients' }).click();
    await expect(page.getByText('No integration clients yet.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'New integration client' }).click();
    const dialog = page.getByRole('dialog', { name: 'New integration client' });
    await dialog.getByLabel('Name').fill('Dialer');
    await dialog.getByRole('checkbox', { name: /Log activities/ }).check();
    await dialog.getByRole('checkbox', { name: /Read the directory/ }).check();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '16-admin-new-integration-client');
    await dialog.getByRole('button', { name: 'Create client' }).click();

    const secretDialog = page.getByRole('alertdialog', { name: 'Client “Dialer” created' });
    await expect(secretDialog.getByText('you will not see it again')).toBeVisible();
    clientCredentials = {
      clientId: await secretDialog.getByLabel('Client ID', { exact: true }).inputValue(),
      clientSecret: await secretDialog.getByLabel('Client secret', { exact: true }).inputValue(),
    };
    expect(clientCredentials.clientSecret.length).toBeGreaterThan(20);
    await secretDialog.getByRole('button', { name: 'Copy client secret' }).click();
    await expect(secretDialog.getByRole('status')).toHaveText('Client secret copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientCredentials.clientSecret);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '17-admin-integration-client-secret');
    await secretDialog.getByRole('button', { name: 'Done, I have stored the secret' }).click();
    await expect(secretDialog).toBeHidden();

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Dialer' }) });
    await expect(row.getByRole('listitem')).toHaveText(['activities:write', 'directory:read']);
    await page.reload();
    await expect(page.getByRole('rowheader', { name: 'Dialer' })).toBeVisible();
    expect(await page.content()).not.toContain(clientCredentials.clientSecret);
    await screenshot(page, '18-admin-integration-clients');

    // The secret works, exactly once shown.
    const token = await page.request.post('/api/v1/auth/token', {
      data: { grantType: 'client_credentials', ...clientCredentials },
    });
    expect(token.status()).toBe(200);
  });

  await test.step('revoke the integration client', async () => {
    await page.getByRole('button', { name: 'Revoke Dialer' }).click();
    await page.getByRole('alertdialog', { name: 'Revoke Dialer?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText(/^Revoked /)).toBeVisible();
    const token = await page.request.post('/api/v1/auth/token', {
      data: { grantType: 'client_credentials', ...clientCredentials },
      failOnStatusCode: false,
    });
    expect(token.status()).toBe(401);
  });

  await test.step('change the organisation settings', async () => {
    await adminNav(page).getByRole('link', { name: 'Organisation' }).click();
    const name = page.getByLabel('Name');
    await expect(name).not.toHaveValue('');
    await expectNoSeriousA11yViolations(page);
    await name.fill('Acme Sales');
    await page.getByLabel('Time zone').selectOption('Europe/Warsaw');
    await page.getByLabel('Currency').fill('pln');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Organisation settings saved.')).toBeVisible();
    await screenshot(page, '19-admin-organisation');

    await page.reload();
    await expect(page.getByLabel('Name')).toHaveValue('Acme Sales');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Warsaw');
    await expect(page.getByLabel('Currency')).toHaveValue('PLN');

    await page.getByLabel('Currency').fill('E1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel('Currency')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);
  });
});

test('the new manager changes the initial password from the account menu', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByTestId('role')).toHaveText('Manager');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);

  await accountMenu(page, 'Change password');
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill(manager.newPassword);
  await page.getByLabel('Repeat the new password').fill(manager.newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The current password is incorrect.')).toBeVisible();
  await screenshot(page, '20-change-password-error');

  await page.getByLabel('Current password').fill(manager.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText('Your password was changed. Sign in with the new one.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await signIn(page, manager.email, manager.newPassword);
  await expect(page.getByTestId('display-name')).toHaveText(manager.name);

  // The admin area is for admins only, in the SPA as in the API.
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();
});
