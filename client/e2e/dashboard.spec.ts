import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { phoneScreenshot, screenshot } from './screenshots';
import { signIn } from './session';

// The second test reads what the first seeded: run them in order, together.
test.describe.configure({ mode: 'serial' });

const manager = { email: 'dora.manager@e2e.test', name: 'Dora Manager', password: 'Dora-Initial-Pass-1' };
const rep = { email: 'remy.rep@e2e.test', name: 'Remy Rep', password: 'Remy-Initial-Pass-1' };
const deal = { name: 'Globex expansion', account: 'Globex' };

/** A team with a manager and a rep, the rep's deal, and three calls the rep logged today (two connected). */
async function seed(request: APIRequestContext): Promise<{ dealId: string }> {
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: 'Inside sales' });
  await post(request, adminToken, '/api/v1/users', {
    email: manager.email,
    displayName: manager.name,
    role: 'manager',
    password: manager.password,
    teamId: team.id,
  });
  const user = await post<{ id: string }>(request, adminToken, '/api/v1/users', {
    email: rep.email,
    displayName: rep.name,
    role: 'rep',
    password: rep.password,
    teamId: team.id,
  });
  const account = await post<{ id: string }>(request, adminToken, '/api/v1/accounts', { name: deal.account });
  const opportunity = await post<{ id: string }>(request, adminToken, '/api/v1/opportunities', {
    name: deal.name,
    accountId: account.id,
    amount: 5000,
    ownerId: user.id,
  });
  const repToken = await tokenFor(request, rep.email, rep.password);
  for (const outcome of ['connected', 'connected', 'no_answer']) {
    await post(request, repToken, '/api/v1/activities/calls', {
      direction: 'outbound',
      outcome,
      durationSeconds: outcome === 'connected' ? 180 : 0,
      opportunityId: opportunity.id,
    });
  }
  return { dealId: opportunity.id };
}

test('a manager opens the dashboard, reads the activity figures and drills into the calls', async ({ page, request }) => {
  test.setTimeout(90_000);
  const { dealId } = await seed(request);

  await page.goto('/sign-in');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByTestId('display-name')).toHaveText(manager.name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  // The manager's default subject is their team.
  await expect(page.getByLabel('Team')).toHaveValue(/.+/);
  const figures = page.getByRole('list', { name: 'Activity figures' });
  const calls = figures.getByRole('button', { name: /^Calls/ });
  await expect(calls).toContainText('3');
  await expect(calls).toContainText('3 outbound, 0 inbound');
  const connect = figures.getByRole('button', { name: /^Connect rate/ });
  await expect(connect).toContainText('66.7%');
  await expect(connect).toContainText('2 connected of 3 calls');
  await expect(figures.getByRole('button', { name: /^Reply rate/ })).toContainText('—');
  await expect(page.getByRole('table', { name: 'Activity mix per rep' }).getByRole('rowheader', { name: rep.name })).toBeVisible();

  // The chart's numbers are one click away.
  await page.getByRole('button', { name: 'Show table' }).click();
  await expect(page.getByRole('table', { name: /Calls, connected calls and meetings booked per week/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '40-dashboard-manager');
  await phoneScreenshot(page, '40-dashboard-manager');

  await connect.click();
  const dialog = page.getByRole('dialog', { name: 'Connect rate: records' });
  await expect(dialog.getByRole('status')).toContainText('2 records shown.');
  await expect(dialog.getByRole('cell', { name: rep.name })).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '41-dashboard-drill-down');

  await dialog.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/opportunities/${dealId}$`));
  await expect(page.getByRole('heading', { name: deal.name, level: 1 })).toBeVisible();
});

test('a manager switches dashboard tabs to the open pipeline and the leaderboard', async ({ page }) => {
  test.setTimeout(60_000);
  // The first test seeded the team, the rep and their open deal (the database lives for the run).
  await page.goto('/sign-in');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByTestId('display-name')).toHaveText(manager.name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();

  const tabs = page.getByRole('tablist', { name: 'Dashboard sections' });
  await tabs.getByRole('tab', { name: 'Activity' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Follow-ups' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Follow-up figures' })).toBeVisible();

  await tabs.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page).toHaveURL(/tab=pipeline/);
  await expect(page.getByRole('list', { name: 'Pipeline figures' }).getByText('Open deals').locator('..')).toContainText('1');
  await expect(page.getByRole('table', { name: 'Open pipeline by stage' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await tabs.getByRole('tab', { name: 'Quotas and ranking' }).click();
  await expect(page.getByRole('table', { name: 'Leaderboard' }).getByRole('rowheader', { name: rep.name })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '42-dashboard-quotas');
});
