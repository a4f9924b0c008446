import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { phoneScreenshot, screenshot } from './screenshots';
import { accessToken, signIn } from './session';

const rep = { email: 'rick.rep@e2e.test', name: 'Rick Rep', password: 'Rick-Initial-Pass-1' };
const deal = { name: 'Acme rollout', account: 'Acme Rockets', amount: 12000 };

/** A window of calendar dates around today (from yesterday up to, not including, the day after tomorrow), so the
 * dashboard includes today whatever the organisation's time zone and however near a month's end the run is. */
function dashboardUrl(tab?: string): string {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return `/dashboard?period=custom&from=${day(-1)}&to=${day(2)}${tab ? `&tab=${tab}` : ''}`;
}

/** The rep's own figures: calls, follow-ups completed (Activity tab) and deals lost (Results tab). */
async function expectDashboardFigures(page: Page, expected: { calls: number; followUpsCompleted: number; dealsLost: number }) {
  await page.goto(dashboardUrl());
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  // A rep's subject is themself.
  await expect(page.getByLabel('Rep', { exact: true })).toHaveValue(/.+/);
  const activity = page.getByRole('list', { name: 'Activity figures' });
  const value = (list: typeof activity, label: RegExp) => list.getByRole('button', { name: label }).locator('.figure-tile__value');
  await expect(value(activity, /^Calls/)).toHaveText(String(expected.calls));
  await expect(activity.getByRole('button', { name: /^Calls/ })).toContainText(`${String(expected.calls)} outbound, 0 inbound`);
  await expect(value(activity, /^Follow-ups completed/)).toHaveText(String(expected.followUpsCompleted));

  await page.getByRole('tablist', { name: 'Dashboard sections' }).getByRole('tab', { name: 'Results' }).click();
  await expect(page).toHaveURL(/tab=results/);
  const results = page.getByRole('list', { name: 'Result figures' });
  await expect(results.getByRole('button', { name: /^Deals won/ })).toContainText(`${String(expected.dealsLost)} lost`);
  await expect(page.getByText(`${String(expected.dealsLost)} deals lost`)).toBeVisible();
}

/** An admin sets up a team, a rep, an account and the rep's deal, through the API. */
async function seed(request: APIRequestContext): Promise<void> {
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: 'Field sales' });
  const user = await post<{ id: string }>(request, adminToken, '/api/v1/users', {
    email: rep.email,
    displayName: rep.name,
    role: 'rep',
    password: rep.password,
    teamId: team.id,
  });
  const account = await post<{ id: string }>(request, adminToken, '/api/v1/accounts', { name: deal.account });
  await post(request, adminToken, '/api/v1/opportunities', {
    name: deal.name,
    accountId: account.id,
    amount: deal.amount,
    ownerId: user.id,
  });
}

test('a rep logs a call, plans and completes a follow-up, drags a deal to Lost and sees their dashboard change', async ({ page, request }) => {
  test.setTimeout(120_000);
  await seed(request);

  await page.goto('/sign-in');
  await signIn(page, rep.email, rep.password);
  await expect(page.getByTestId('display-name')).toHaveText(rep.name);
  await expect(page.getByText('No activity yet.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '30-my-day-empty');

  await test.step('the dashboard starts at zero for the rep', async () => {
    await expectDashboardFigures(page, { calls: 0, followUpsCompleted: 0, dealsLost: 0 });
    await expect(page.getByText('No deals lost in this period.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My day' }).click();
    await expect(page.getByRole('heading', { name: 'My day' })).toBeVisible();
  });

  await test.step('log a call from quick log, with the L shortcut', async () => {
    await page.getByRole('heading', { name: 'My day' }).click();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Quick log' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Call')).toBeChecked();
    await expect(dialog.getByLabel('Find opportunity')).toBeFocused();
    await page.keyboard.type('acme');
    await dialog.getByRole('button', { name: deal.name }).click();
    await expect(dialog.getByTestId('linked-record')).toContainText(deal.name);
    await dialog.getByLabel('Minutes').fill('4');
    await dialog.getByLabel('Notes').fill('Walked through pricing.');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '31-quick-log-call');
    await dialog.getByRole('button', { name: 'Save' }).click();

    const offer = page.getByRole('dialog', { name: 'Call logged' });
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'Schedule follow-up' }).click();
    const followUp = page.getByRole('dialog', { name: 'Quick log' });
    await expect(followUp.getByLabel('Follow-up')).toBeChecked();
    await expect(followUp.getByTestId('linked-record')).toContainText(deal.name);
    await followUp.getByLabel('Notes').fill('Send the proposal.');
    await screenshot(page, '32-quick-log-follow-up');
    await followUp.getByRole('button', { name: 'Schedule' }).click();
    await expect(followUp).toBeHidden();
    await expect(page.getByText('Follow-up scheduled.')).toBeVisible();
  });

  await test.step('my day shows the call and the follow-up, which the rep completes', async () => {
    await expect(page.getByTestId('recent-activity')).toContainText('Outbound call, connected, 4 min');
    await expect(page.getByTestId('recent-activity').getByRole('link', { name: deal.name })).toBeVisible();
    const item = page.getByTestId('follow-up').filter({ hasText: 'Send the proposal.' });
    await expect(item).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '33-my-day');
    await phoneScreenshot(page, '33-my-day');
    await item.getByRole('button', { name: /^Complete/ }).click();
    await expect(page.getByText('Follow-up completed.')).toBeVisible();
    await expect(item).toBeHidden();
  });

  await test.step('drag the deal to the next stage, then to Lost with a reason', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
    const discovery = page.getByTestId('column-Discovery');
    const qualified = page.getByTestId('column-Qualified');
    const card = page.getByTestId('deal-card').filter({ hasText: deal.name });
    await expect(discovery.getByTestId('deal-card')).toHaveCount(1);
    await expect(discovery.getByTestId('column-weighted')).toHaveText('1,200');
    await expect(card).toContainText(deal.account);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '34-pipeline-board');

    // A pointer drag (press on the card, move over the column, release): the board's HTML5 drag and drop, not its "Move to" menu.
    await card.dragTo(qualified);
    await expect(qualified.getByTestId('deal-card')).toHaveCount(1);
    await expect(qualified.getByTestId('column-count')).toHaveText('1');
    await expect(qualified.getByTestId('column-weighted')).toHaveText('2,400');
    await expect(discovery.getByTestId('column-count')).toHaveText('0');

    // Someone else moves the deal to Demo meanwhile: the board's move gets 412, reloads and says so.
    const headers = { Authorization: `Bearer ${await accessToken(page)}` };
    const list = (await (await page.request.get('/api/v1/opportunities', { headers })).json()) as { items: { id: string }[] };
    const id = list.items[0]?.id ?? '';
    const current = await page.request.get(`/api/v1/opportunities/${id}`, { headers });
    const stages = (await (await page.request.get('/api/v1/pipelines', { headers })).json()) as {
      items: { stages: { id: string; name: string }[] }[];
    };
    const demo = stages.items[0]?.stages.find((s) => s.name === 'Demo');
    const moved = await page.request.post(`/api/v1/opportunities/${id}/stage-moves`, {
      headers: { ...headers, 'If-Match': current.headers().etag ?? '' },
      data: { toStageId: demo?.id },
    });
    expect(moved.status()).toBe(201);
    await qualified.getByTestId('deal-card').dragTo(page.getByTestId('column-Trial'));
    await expect(page.getByText(/Someone else changed “Acme rollout” first/)).toBeVisible();
    await expect(page.getByTestId('column-Demo').getByTestId('deal-card')).toHaveCount(1);
    await expect(page.getByTestId('column-Trial').getByTestId('column-count')).toHaveText('0');
    await screenshot(page, '35-pipeline-conflict');

    await page.getByTestId('column-Demo').getByTestId('deal-card').dragTo(page.getByTestId('column-Lost'));
    const lost = page.getByRole('dialog', { name: `Mark “${deal.name}” as lost` });
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(lost.getByText('Choose why the deal was lost.')).toBeVisible();
    await lost.getByLabel('Lost reason').selectOption({ label: 'Price' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '36-pipeline-lost-reason');
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(lost).toBeHidden();
    await expect(page.getByTestId('column-Lost').getByTestId('deal-card')).toHaveCount(1);
    await screenshot(page, '36-pipeline-after-moves');
  });

  await test.step('the opportunity page shows the stage history and the timeline', async () => {
    await page.getByRole('link', { name: deal.name }).click();
    await expect(page.getByRole('heading', { name: deal.name, level: 1 })).toBeVisible();
    await expect(page.getByTestId('current-stage')).toContainText('Lost');
    const history = page.getByTestId('stage-history');
    await expect(history.getByRole('listitem')).toHaveCount(4);
    await expect(history).toContainText('Discovery');
    await expect(history).toContainText('Qualified');
    await expect(page.getByTestId('timeline')).toContainText('Outbound call, connected, 4 min');
    await expect(page.getByTestId('timeline')).toContainText('completed');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '37-opportunity');
    await phoneScreenshot(page, '37-opportunity');
  });

  await test.step('the rep sees the numbers change on their dashboard', async () => {
    await expectDashboardFigures(page, { calls: 1, followUpsCompleted: 1, dealsLost: 1 });
    await expect(page.getByRole('table', { name: 'Lost reasons' }).getByRole('row', { name: /Price/ })).toContainText('1');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '37-dashboard-after-the-day');
  });

  await test.step('an admin narrows the board to a team', async () => {
    await page.evaluate(() => {
      sessionStorage.clear();
    });
    await page.goto('/sign-in');
    await signIn(page, admin.email, admin.password);
    await expect(page.getByTestId('display-name')).toBeVisible();
    await page.goto('/pipeline');
    await page.getByLabel('Team').selectOption({ label: 'Field sales' });
    await expect(page).toHaveURL(/team=/);
    await expect(page.getByTestId('column-Lost').getByTestId('deal-card')).toHaveCount(1);
    await page.getByLabel('Owner').selectOption({ label: 'Me' });
    await expect(page.getByTestId('deal-card')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '38-pipeline-admin-filters');
  });
});
