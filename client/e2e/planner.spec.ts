import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { expectNoSidewaysScroll } from './phoneWidth';
import { phoneScreenshot, screenshot } from './screenshots';
import { signIn } from './session';

// The second test plans the month the first one took a holiday out of: run them in order, together.
test.describe.configure({ mode: 'serial' });

const rep = { email: 'paula.planner@e2e.test', name: 'Paula Planner', password: 'Paula-Initial-Pass-1' };

const iso = (d: Date) => `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The first month after this one with 22 weekdays (Monday–Friday), and its first weekday: an admin makes that day a
 * holiday, leaving the 21 working days of metrics.md's example.
 */
function plannedMonth(): { month: string; holiday: string } {
  const now = new Date();
  for (let offset = 1; offset < 24; offset++) {
    const first = new Date(now.getFullYear(), now.getMonth() + offset, 1);
    const weekdays: Date[] = [];
    for (let d = new Date(first); d.getMonth() === first.getMonth(); d.setDate(d.getDate() + 1)) {
      if (d.getDay() !== 0 && d.getDay() !== 6) weekdays.push(new Date(d));
    }
    const holiday = weekdays[0];
    if (weekdays.length === 22 && holiday) return { month: iso(first).slice(0, 7), holiday: iso(holiday) };
  }
  throw new Error('No month with 22 weekdays in the next two years');
}

/** The rep, and a 90-minute call they made today (selling time), through the API. */
async function seed(request: APIRequestContext): Promise<void> {
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: 'Planning team' });
  await post(request, adminToken, '/api/v1/users', { email: rep.email, displayName: rep.name, role: 'rep', password: rep.password, teamId: team.id });
  const account = await post<{ id: string }>(request, adminToken, '/api/v1/accounts', { name: 'Planner Logistics' });
  const repToken = await tokenFor(request, rep.email, rep.password);
  await post(request, repToken, '/api/v1/activities/calls', { direction: 'outbound', outcome: 'connected', durationSeconds: 5400, accountId: account.id });
}

test('an admin adds a holiday to the organisation calendar', async ({ page, request }) => {
  test.setTimeout(60_000);
  await seed(request);
  const { holiday } = plannedMonth();

  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();

  // A name is required: the API's answer shows next to the field.
  await page.getByLabel('Date').fill(holiday);
  await page.getByRole('button', { name: 'Add day' }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Name').fill('Founders day');
  await page.getByRole('button', { name: 'Add day' }).click();
  const table = page.getByRole('table', { name: 'Non-working days' });
  await expect(table.getByRole('row', { name: /Founders day/ })).toContainText(holiday);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '72-admin-calendar');
  await expectNoSidewaysScroll(page);
});

test('a rep plans 50 deals at a 5% call-to-deal rate, and logs non-selling time that shows in their selling share', async ({ page }) => {
  test.setTimeout(90_000);
  const { month } = plannedMonth();

  await page.goto('/sign-in');
  await signIn(page, rep.email, rep.password);
  await expect(page.getByTestId('display-name')).toHaveText(rep.name);

  const form = page.getByRole('form', { name: 'Plan a month' });
  await form.getByLabel('Month').fill(month);
  await form.getByLabel('Goal (won deals)').fill('50');
  // A rate above 1 is refused, next to its field.
  await form.getByLabel('Meetings per call').fill('2');
  await form.getByRole('button', { name: 'Plan' }).click();
  await expect(form.getByLabel('Meetings per call')).toHaveAttribute('aria-invalid', 'true');

  // metrics.md: 50 deals / 0.05 = 1,000 calls a month; over 21 working days, 1,000 / 21 = 47.6 → 48 a day.
  // With a 25% win rate and 0.5 opportunities per meeting: 200 opportunities (10 a day) and 400 meetings (20 a day).
  await form.getByLabel('Meetings per call').fill('');
  await form.getByLabel(/Deals per call/).fill('0.05');
  await form.getByLabel(/Win rate/).fill('0.25');
  await form.getByLabel('Opportunities per meeting').fill('0.5');
  await form.getByRole('button', { name: 'Plan' }).click();
  await expect(page.getByTestId('working-days')).toContainText('21 working days');
  await expect(page.getByTestId('working-days')).toContainText('Founders day');
  const needs = page.getByRole('table', { name: 'Activity needed' });
  const row = (name: RegExp) => needs.getByRole('row', { name });
  await expect(row(/Calls/).getByRole('cell')).toHaveText(['1,000', '48']);
  await expect(row(/Meetings/).getByRole('cell')).toHaveText(['400', '20']);
  await expect(row(/Opportunities/).getByRole('cell')).toHaveText(['200', '10']);
  await expect(row(/Won deals/).getByRole('cell')).toHaveText(['50', '3']);
  await expect(page.getByRole('table', { name: /Rates used/ }).getByRole('row', { name: /call to deal/ })).toContainText('Given');

  const timeLog = page.getByRole('region', { name: 'Log non-selling time' });
  await timeLog.getByLabel('Kind').selectOption('admin');
  await timeLog.getByLabel('Minutes').fill('30');
  await timeLog.getByRole('button', { name: 'Save time entry' }).click();
  await expect(page.getByText('30 minutes of admin logged.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '73-my-day-planner');
  await phoneScreenshot(page, '73-my-day-planner');
  await expectNoSidewaysScroll(page);

  // The 90-minute call against 30 minutes of admin: a 75% selling share.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/dashboard?period=custom&from=${day(-1)}&to=${day(2)}`);
  const figures = page.getByRole('list', { name: 'Selling time figures' });
  await expect(figures.getByText('Selling share').locator('..')).toContainText('75%');
  await expect(figures.getByText('Non-selling time').locator('..')).toContainText('30 min');
  await expect(figures.getByText('Selling time', { exact: true }).locator('..')).toContainText('1 h 30 min');
  await expect(page.getByRole('table', { name: 'Selling time per rep' }).getByRole('row', { name: new RegExp(rep.name) })).toContainText('75%');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '74-dashboard-selling-time');
});
