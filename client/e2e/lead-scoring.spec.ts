import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { phoneScreenshot, screenshot } from './screenshots';
import { signIn } from './session';

const teamName = 'Scoring squad';
const reps = [
  { email: 'rory.round@e2e.test', name: 'Rory Round', password: 'Rory-Initial-Pass-1' },
  { email: 'robin.round@e2e.test', name: 'Robin Round', password: 'Robin-Initial-Pass-1' },
] as const;
const threshold = 15;

interface Lead {
  id: string;
  ownerId: string;
  score: number;
  salesQualifiedAt: string | null;
}

async function event(request: APIRequestContext, token: string, leadId: string, type: string) {
  const response = await request.post(`/api/v1/leads/${leadId}/events`, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
    data: { type },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { qualified: boolean; lead: Lead };
}

/** At 390 px the page itself never scrolls sideways (wide tables scroll in their own container). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${String(scrollWidth)}px wide in a ${String(innerWidth)}px window`).toBeLessThanOrEqual(innerWidth + 1);
  if (size) await page.setViewportSize(size);
}

test('an admin sets the threshold and round robin; events qualify a lead, which is assigned; the dashboard counts the bands', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: teamName });
  const repIds: string[] = [];
  for (const rep of reps) {
    const user = await post<{ id: string }>(request, adminToken, '/api/v1/users', {
      email: rep.email,
      displayName: rep.name,
      role: 'rep',
      password: rep.password,
      teamId: team.id,
    });
    repIds.push(user.id);
  }
  const [rory, robin] = repIds as [string, string];
  // Round robin takes the team's reps in id order (lowercase text on SQLite), starting from the first.
  const first = [...repIds].sort()[0];
  const firstName = first === rory ? reps[0].name : reps[1].name;
  const hot = await post<Lead>(request, adminToken, '/api/v1/leads', { name: 'Hot Prospect', company: 'Initech' });

  // The admin sets the threshold and the round-robin team in the admin area.
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Lead scoring' }).click();
  await expect(page.getByRole('heading', { name: 'Lead scoring', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: /Scoring rules/ }).getByRole('rowheader', { name: 'pricing_page_visit' })).toBeVisible();
  const threshold0 = page.getByLabel('Threshold');
  await threshold0.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(threshold0).toHaveAttribute('aria-invalid', 'true');
  await threshold0.fill(String(threshold));
  await page.getByLabel('Assign qualified leads').selectOption('round_robin');
  await page.getByLabel('Team').selectOption({ label: teamName });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Lead scoring settings saved.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '75-lead-scoring-admin');
  await phoneScreenshot(page, '75-lead-scoring-admin');
  await expectNoSidewaysScroll(page);

  // Events pushed through the API: +10 stays below 15, +5 reaches it.
  expect((await event(request, adminToken, hot.id, 'pricing_page_visit')).qualified).toBe(false);
  const crossing = await event(request, adminToken, hot.id, 'matches_buyer_persona');
  expect(crossing.qualified).toBe(true);
  expect(crossing.lead.score).toBe(15);
  expect(crossing.lead.ownerId).toBe(first);

  // More leads of the team, one per band (threshold 15: < 0, 0–6, 7–14, 15+).
  const below = await post<Lead>(request, adminToken, '/api/v1/leads', { name: 'Wrong Data', ownerId: rory });
  await event(request, adminToken, below.id, 'inaccurate_company_data'); // −5: below zero
  await post<Lead>(request, adminToken, '/api/v1/leads', { name: 'Quiet One', ownerId: robin }); // 0: cold
  const warmWon = await post<Lead>(request, adminToken, '/api/v1/leads', { name: 'Warm Winner', company: 'Umbrella', ownerId: rory });
  await event(request, adminToken, warmWon.id, 'email_clicked'); // +3
  await event(request, adminToken, warmWon.id, 'matches_buyer_persona'); // +5 = 8: warm
  const warm = await post<Lead>(request, adminToken, '/api/v1/leads', { name: 'Warm Waiting', ownerId: robin });
  await event(request, adminToken, warm.id, 'pricing_page_visit'); // 10: warm
  const read = await request.get(`/api/v1/leads/${warmWon.id}`, { headers: { Authorization: `Bearer ${adminToken}` } });
  const converted = await request.post(`/api/v1/leads/${warmWon.id}/convert`, {
    headers: {
      Authorization: `Bearer ${adminToken}`,
      'If-Match': read.headers().etag ?? '',
      'Idempotency-Key': crypto.randomUUID(),
    },
    data: { opportunity: { name: 'Umbrella deal', amount: 1000 } },
  });
  expect(converted.ok(), await converted.text()).toBe(true);

  // The lead page: score, sales-qualified badge and date, the new owner, the events.
  await page.goto(`/leads/${hot.id}`);
  await expect(page.getByRole('heading', { name: 'Hot Prospect', level: 1 })).toBeVisible();
  await expect(page.getByTestId('lead-score')).toHaveText('15');
  await expect(page.getByText('Sales-qualified', { exact: true })).toBeVisible();
  await expect(page.getByText('Sales-qualified on')).toBeVisible();
  await expect(page.getByTestId('lead-owner')).toHaveText(firstName);
  const events = page.getByRole('table', { name: /Scoring events/ });
  await expect(events.getByRole('row')).toHaveCount(3);
  await expect(events.getByRole('row').nth(1)).toContainText('pricing_page_visit+1010');
  await expect(events.getByRole('row').nth(2)).toContainText('matches_buyer_persona+515');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '76-lead-scoring-lead');
  await phoneScreenshot(page, '76-lead-scoring-lead');
  await expectNoSidewaysScroll(page);

  // The lead list shows the score and the badge.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
  const hotRow = page.getByRole('row', { name: /Hot Prospect/ });
  await expect(hotRow).toContainText('15 Sales-qualified');

  // The dashboard, the team's results this month: hand-computed band numbers.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.getByLabel('Team').selectOption({ label: teamName });
  await page.getByRole('tablist', { name: 'Dashboard sections' }).getByRole('tab', { name: 'Results' }).click();
  const bands = page.getByRole('table', { name: /Lead conversion by score band/ });
  const row = (name: string) => bands.getByRole('row', { name: new RegExp(`^${name.replace(/[()+]/g, '\\$&')}`) });
  await expect(row('Below zero (< 0)').getByRole('cell')).toHaveText(['1', '0', '0%']);
  await expect(row('Cold (0–6)').getByRole('cell')).toHaveText(['1', '0', '0%']);
  await expect(row('Warm (7–14)').getByRole('cell')).toHaveText(['2', '1', '50%']);
  await expect(row('At threshold (15+)').getByRole('cell')).toHaveText(['1', '0', '0%']);
  const figures = page.getByRole('list', { name: 'Sales-qualified lead figures' });
  await expect(figures.getByRole('button', { name: /^Sales-qualified leads/ })).toContainText('1');
  await expect(figures.getByRole('button', { name: /^Responded/ })).toContainText('1 unanswered');
  await expect(figures.getByRole('button', { name: /^Response time to qualified leads/ })).toContainText('—');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '77-lead-scoring-dashboard');
  await expectNoSidewaysScroll(page);
});
