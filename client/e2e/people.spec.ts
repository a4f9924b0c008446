import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { phoneScreenshot, screenshot } from './screenshots';
import { signIn } from './session';

// Later tests read what the first seeded: run them in order, together.
test.describe.configure({ mode: 'serial' });

const manager = { email: 'pia.manager@e2e.test', name: 'Pia Manager', password: 'Pia-Initial-Pass-1' };
const paula = { email: 'paula.rep@e2e.test', name: 'Paula Rep', password: 'Paula-Initial-Pass-1' };
const quinn = { email: 'quinn.rep@e2e.test', name: 'Quinn Rep', password: 'Quinn-Initial-Pass-1' };

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Noon on the 10th of the second month of the previous quarter: safely inside it in any time zone. */
function previousQuarterDay(now: Date): string {
  const q = Math.floor(now.getUTCMonth() / 3);
  const year = q === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const month = q === 0 ? 10 : (q - 1) * 3 + 1;
  return `${String(year)}-${pad(month + 1)}-10T12:00:00Z`;
}

async function wonDeal(request: APIRequestContext, token: string, ownerId: string, name: string, amount: number, at?: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const account = await post<{ id: string }>(request, token, '/api/v1/accounts', { name: `${name} account` });
  const deal = await post<{ id: string }>(request, token, '/api/v1/opportunities', {
    name,
    accountId: account.id,
    amount,
    ownerId,
    ...(at ? { occurredAt: at } : {}),
  });
  const pipelines = (await (await request.get('/api/v1/pipelines', { headers })).json()) as {
    items: { isDefault?: boolean; stages: { id: string; kind: string }[] }[];
  };
  const won = pipelines.items.flatMap((p) => p.stages).find((s) => s.kind === 'won');
  const current = await request.get(`/api/v1/opportunities/${deal.id}`, { headers });
  const moved = await request.post(`/api/v1/opportunities/${deal.id}/stage-moves`, {
    headers: { ...headers, 'If-Match': current.headers().etag ?? '' },
    data: { toStageId: won?.id, ...(at ? { occurredAt: at.replace('T12', 'T13') } : {}) },
  });
  expect(moved.status(), await moved.text()).toBe(201);
}

/**
 * A team with a manager and two reps; one required certification Paula passed and Quinn failed; Paula won 1,000 last
 * quarter and 5,000 now, Quinn 4,000 and 2,000; both on a monthly plan (base 1,000, target 4,000, 10% at 100%).
 */
async function seed(request: APIRequestContext) {
  const token = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, token, '/api/v1/teams', { name: 'People team' });
  await post(request, token, '/api/v1/users', { email: manager.email, displayName: manager.name, role: 'manager', password: manager.password, teamId: team.id });
  const ids: string[] = [];
  for (const rep of [paula, quinn]) {
    const user = await post<{ id: string }>(request, token, '/api/v1/users', {
      email: rep.email,
      displayName: rep.name,
      role: 'rep',
      password: rep.password,
      teamId: team.id,
    });
    ids.push(user.id);
  }
  const [paulaId = '', quinnId = ''] = ids;
  const certification = await post<{ id: string }>(request, token, '/api/v1/certifications', { name: 'Product basics', required: true, validityMonths: 12 });
  const managerToken = await tokenFor(request, manager.email, manager.password);
  const today = isoDay(new Date());
  await post(request, managerToken, `/api/v1/users/${paulaId}/assessments`, { certificationId: certification.id, score: 91, passed: true, assessedOn: today });
  await post(request, managerToken, `/api/v1/users/${quinnId}/assessments`, { certificationId: certification.id, score: 42, passed: false, assessedOn: today });

  const before = previousQuarterDay(new Date());
  await wonDeal(request, token, paulaId, 'Paula old deal', 1000, before);
  await wonDeal(request, token, paulaId, 'Paula big deal', 5000);
  await wonDeal(request, token, quinnId, 'Quinn old deal', 4000, before);
  await wonDeal(request, token, quinnId, 'Quinn new deal', 2000);

  const plan = await post<{ id: string }>(request, token, '/api/v1/commission/plans', {
    name: 'Team monthly plan',
    basePay: 1000,
    target: 4000,
    rate: 0.1,
    threshold: 1,
    period: 'month',
  });
  // A team survey open from today: its results stay withheld until it closes.
  const inAWeek = isoDay(new Date(Date.now() + 7 * 86_400_000));
  await post(request, managerToken, '/api/v1/surveys', { question: 'Would you recommend the team?', opensOn: today, closesOn: inAWeek, teamId: team.id });
  const month = `${today.slice(0, 7)}-01`;
  for (const userId of ids) {
    await post(request, token, '/api/v1/commission/assignments', { userId, planId: plan.id, effectiveFrom: month });
  }
}

test('a manager reads readiness, the quadrant and the team’s commission', async ({ page, request }) => {
  test.setTimeout(120_000);
  await seed(request);

  await page.goto('/sign-in');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByTestId('display-name')).toHaveText(manager.name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

  // Readiness: Paula passed the one required certification, Quinn failed it → 1 of 2 = 50%.
  await expect(page.getByTestId('share-certified')).toHaveText('50%');
  const readiness = page.getByRole('table', { name: 'Readiness per rep' });
  await expect(readiness.getByRole('row', { name: /Paula Rep/ })).toContainText('1 of 1');
  await expect(readiness.getByRole('row', { name: /Quinn Rep/ })).toContainText('Not ready');
  await expect(readiness.getByRole('row', { name: /Quinn Rep/ })).toContainText('42 (failed)');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '70-people-readiness');

  // Quinn retakes it: the manager records the pass, and the share goes to 2 of 2.
  await page.getByRole('button', { name: 'Record an assessment for Quinn Rep' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record an assessment for Quinn Rep' });
  await dialog.getByLabel('Certification').selectOption({ label: 'Product basics' });
  await dialog.getByLabel('Score (0–100)').fill('120');
  await dialog.getByLabel('Passed').check();
  await dialog.getByRole('button', { name: 'Record assessment' }).click();
  await expect(dialog.getByLabel('Score (0–100)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel('Score (0–100)').fill('85');
  await dialog.getByRole('button', { name: 'Record assessment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('share-certified')).toHaveText('100%');

  // Quadrant: this quarter Paula 5,000 (was 1,000), Quinn 2,000 (was 4,000); median (5,000 + 2,000) / 2 = 3,500.
  const tabs = page.getByRole('tablist', { name: 'People sections' });
  await tabs.getByRole('tab', { name: 'Quadrant' }).click();
  await expect(page.getByTestId('median-revenue')).toContainText('3,500');
  await expect(page.getByRole('list', { name: 'People team: Rising star' })).toContainText('Paula Rep');
  await expect(page.getByRole('list', { name: 'People team: Declining laggard' })).toContainText('Quinn Rep');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '71-people-quadrant');
  await phoneScreenshot(page, '71-people-quadrant');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Commission this month: Paula 5,000 ≥ 4,000 → 1,000 + 500 = 1,500; Quinn 2,000 < 4,000 → 1,000; together 2,500.
  await tabs.getByRole('tab', { name: 'Commission' }).click();
  await expect(page.getByTestId('earnings-total')).toContainText('2,500.00');
  await page.getByRole('button', { name: 'Statement of Paula Rep' }).click();
  const statement = page.getByRole('dialog', { name: 'Statement of Paula Rep' });
  await expect(statement.getByTestId('statement-commission')).toContainText('500.00');
  await expect(statement.getByTestId('statement-total')).toContainText('1,500.00');
  await expect(statement.getByRole('rowheader', { name: 'Paula big deal' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '72-people-statement');
  await page.keyboard.press('Escape');
  await expect(statement).toBeHidden();

  await tabs.getByRole('tab', { name: 'eNPS' }).click();
  await expect(page.getByText('No closed survey yet.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Open and upcoming surveys' })).toContainText(
    'Would you recommend the team? is open until',
  );
  await expect(page.getByRole('list', { name: 'Open and upcoming surveys' })).toContainText('Withheld while the survey is open');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '72-people-enps');
  await tabs.getByRole('tab', { name: 'Ramp' }).click();
  await expect(page.getByRole('table', { name: 'Ramp time per rep' }).getByRole('rowheader', { name: 'Paula Rep' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a rep reads their own pay and has no People page', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, paula.email, paula.password);
  await expect(page.getByTestId('display-name')).toHaveText(paula.name);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toHaveCount(0);
  await page.getByRole('button', { name: /: account$/ }).click();
  await page.getByRole('link', { name: 'My pay' }).click();
  await expect(page.getByRole('heading', { name: 'My pay', level: 1 })).toBeVisible();
  await expect(page.getByText('Team monthly plan')).toBeVisible();
  await expect(page.getByTestId('statement-won')).toContainText('5,000.00');
  await expect(page.getByTestId('statement-total')).toContainText('1,500.00');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '73-my-pay');
});

test('an admin creates a certification and a commission plan and assigns it', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  const adminNav = page.getByRole('navigation', { name: 'Admin' });

  await adminNav.getByRole('link', { name: 'Certifications' }).click();
  await expect(page.getByRole('heading', { name: 'Certifications', level: 1 })).toBeVisible();
  const create = page.getByRole('form', { name: 'New certification' });
  await create.getByLabel('Name').fill('Product basics');
  await create.getByRole('button', { name: 'Create certification' }).click();
  await expect(create.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await create.getByLabel('Name').fill('Negotiation');
  await create.getByLabel('Valid for (months)').fill('24');
  await create.getByRole('button', { name: 'Create certification' }).click();
  const row = page.getByRole('row', { name: /Negotiation/ });
  await expect(row).toContainText('24 months');
  await page.getByRole('button', { name: 'Edit Negotiation' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit certification' });
  await edit.getByLabel('Valid for (months)').fill('36');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('36 months');
  await page.getByRole('button', { name: 'Delete Negotiation' }).click();
  await page.getByRole('alertdialog', { name: 'Delete Negotiation?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row', { name: /Negotiation/ })).toHaveCount(0);
  // An assessment names Product basics: it cannot be deleted, only archived.
  await page.getByRole('button', { name: 'Delete Product basics' }).click();
  await page.getByRole('alertdialog', { name: 'Delete Product basics?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /archive/i })).toBeVisible();
  await page.getByRole('button', { name: 'Archive Product basics' }).click();
  await page.getByRole('alertdialog', { name: 'Archive Product basics?' }).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row', { name: /Product basics/ })).toContainText('Archived');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '74-admin-certifications');

  await adminNav.getByRole('link', { name: 'Commission plans' }).click();
  const plan = page.getByRole('form', { name: 'New plan' });
  await plan.getByLabel('Name').fill('Senior plan');
  await plan.getByLabel('Base pay').fill('2000');
  await plan.getByLabel('Target', { exact: true }).fill('25000');
  await plan.getByLabel('Rate (%)').fill('10');
  await plan.getByRole('button', { name: 'Create plan' }).click();
  const planRow = page.getByRole('table', { name: 'Commission plans' }).getByRole('row', { name: /Senior plan/ });
  await expect(planRow).toContainText('10%');
  await expect(planRow).toContainText('25,000');
  const assign = page.getByRole('form', { name: 'Assign a plan' });
  await assign.getByLabel('Rep').selectOption({ label: quinn.name });
  await assign.getByLabel('Plan').selectOption({ label: 'Senior plan' });
  const next = new Date();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  await assign.getByLabel('Effective from (month)').fill(isoDay(next).slice(0, 7));
  await assign.getByRole('button', { name: 'Assign plan' }).click();
  await expect(assign.getByText(/Plan history: Team monthly plan from .*; Senior plan from/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '75-admin-commission-plans');
});
