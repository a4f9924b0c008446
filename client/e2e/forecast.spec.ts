import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { expectNoSidewaysScroll } from './phoneWidth';
import { phoneScreenshot, screenshot } from './screenshots';
import { signIn } from './session';

// The second test reads what the first seeded: run them in order, together.
test.describe.configure({ mode: 'serial' });

const manager = { email: 'fiona.forecast@e2e.test', name: 'Fiona Forecast', password: 'Fiona-Initial-Pass-1' };
const rep = { email: 'felix.forecast@e2e.test', name: 'Felix Forecast', password: 'Felix-Initial-Pass-1' };

/** Next month (the browser's calendar, as the page's picker), its first day and a close date inside it. */
function nextMonth() {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const iso = (d: Date) => `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { start: iso(first), closeDate: iso(new Date(first.getFullYear(), first.getMonth(), 15)) };
}

/**
 * A team with a manager and a rep, a pipeline of our own with known probabilities (10%, 60%, 80%) and the rep's three
 * open deals expected to close next month, one per stage. By hand, the stage-weighted forecast of next month is
 *   2,000 × 10% + 3,000 × 60% + 1,000 × 80% = 200 + 1,800 + 800 = 2,800 (nothing won yet in a month still ahead).
 */
async function seed(request: APIRequestContext): Promise<{ trialDealId: string }> {
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: 'Forecasting team' });
  await post(request, adminToken, '/api/v1/users', { email: manager.email, displayName: manager.name, role: 'manager', password: manager.password, teamId: team.id });
  const user = await post<{ id: string }>(request, adminToken, '/api/v1/users', { email: rep.email, displayName: rep.name, role: 'rep', password: rep.password, teamId: team.id });
  const pipeline = await post<{ id: string; stages: { id: string; name: string }[] }>(request, adminToken, '/api/v1/pipelines', {
    name: 'Forecast e2e pipeline',
    stages: [
      { name: 'Early', probability: 10 },
      { name: 'Trial run', probability: 60 },
      { name: 'Closing', probability: 80 },
    ],
  });
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id ?? '';
  const account = await post<{ id: string }>(request, adminToken, '/api/v1/accounts', { name: 'Forecast Industries' });
  const { closeDate } = nextMonth();
  const create = (name: string, amount: number, stageName: string) =>
    post<{ id: string }>(request, adminToken, '/api/v1/opportunities', {
      name, accountId: account.id, amount, ownerId: user.id, pipelineId: pipeline.id, stageId: stage(stageName), expectedCloseDate: closeDate,
    });
  await create('Forecast early deal', 2000, 'Early');
  const trial = await create('Forecast trial deal', 3000, 'Trial run');
  await create('Forecast closing deal', 1000, 'Closing');
  return { trialDealId: trial.id };
}

test('the rep commits a deal and sees it in their forecast', async ({ page, request }) => {
  test.setTimeout(90_000);
  const { trialDealId } = await seed(request);
  const { start } = nextMonth();

  await page.goto('/sign-in');
  await signIn(page, rep.email, rep.password);
  await expect(page.getByTestId('display-name')).toHaveText(rep.name);

  await page.goto(`/opportunities/${trialDealId}`);
  await expect(page.getByRole('heading', { name: 'Forecast trial deal', level: 1 })).toBeVisible();
  const category = page.getByRole('region', { name: 'Forecast category' });
  await category.getByLabel('Category').selectOption('commit');
  await category.getByRole('button', { name: 'Set category' }).click();
  await expect(page.getByTestId('forecast-category')).toHaveText('Saved as Commit.');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByRole('heading', { name: 'Forecast', level: 1 })).toBeVisible();
  // A rep has no team or rep pickers: the forecast is their own.
  await expect(page.getByLabel('Team')).toHaveCount(0);
  await page.getByLabel('Month', { exact: true }).selectOption(start);
  await expect(page.getByTestId('forecast-stage_weighted')).toContainText('2,800');
  const categories = page.getByRole('table', { name: 'Open deals by forecast category' });
  await expect(categories.getByRole('row', { name: /Commit/ })).toContainText('3,000');
  await expect(categories.getByRole('row', { name: /Pipeline/ })).toContainText('3,000');
  await expect(categories.getByRole('row', { name: /Pipeline/ }).getByRole('cell').first()).toHaveText('2');
});

test('a manager reads the team forecast, drills into its deals and saves a snapshot', async ({ page }) => {
  test.setTimeout(90_000);
  const { start } = nextMonth();

  await page.goto('/sign-in');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByTestId('display-name')).toHaveText(manager.name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByRole('heading', { name: 'Forecast', level: 1 })).toBeVisible();

  // The manager's default subject is their team.
  await expect(page.getByLabel('Team')).toHaveValue(/.+/);
  await page.getByLabel('Month', { exact: true }).selectOption(start);
  await expect(page).toHaveURL(new RegExp(`start=${start}`));
  await expect(page.getByTestId('forecast-stage_weighted')).toContainText('2,800');
  const stages = page.getByRole('table', { name: 'Stage-weighted forecast by stage' });
  await expect(stages.getByRole('row', { name: /Trial run/ })).toContainText('60%');
  await expect(stages.getByRole('row', { name: /Trial run/ })).toContainText('1,800');
  await expect(page.getByRole('heading', { name: 'Accuracy history' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '70-forecast-manager');
  await phoneScreenshot(page, '70-forecast-manager');
  await expectNoSidewaysScroll(page);

  // The same figure for the rep alone.
  await page.getByLabel('Rep', { exact: true }).selectOption({ label: rep.name });
  await expect(page.getByTestId('forecast-stage_weighted')).toContainText('2,800');

  await page.getByRole('button', { name: 'Show the deals behind the stage-weighted forecast' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stage-weighted forecast: deals' });
  await expect(dialog.getByRole('status')).toContainText('3 records shown.');
  await expect(dialog.getByRole('row', { name: /Forecast closing deal/ })).toContainText('80%');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '71-forecast-explain');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Save snapshot now' }).click();
  await expect(page.getByText(/snapshots saved\.|Snapshots were already saved/)).toBeVisible();
});
