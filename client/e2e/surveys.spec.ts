import { expect, test, type Page } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { phoneScreenshot, screenshot } from './screenshots';
import { signIn } from './session';

const rep = { email: 'sunny.survey@e2e.test', name: 'Sunny Survey', password: 'Sunny-Initial-Pass-1' };
const teamName = 'Survey squad';
const question = 'How likely are you to recommend Survey squad as a place to work?';

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

test('an admin asks a team; a rep answers once, and a second answer from another tab is refused', async ({ page, context, request }) => {
  test.setTimeout(90_000);
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: teamName });
  await post(request, adminToken, '/api/v1/users', {
    email: rep.email,
    displayName: rep.name,
    role: 'rep',
    password: rep.password,
    teamId: team.id,
  });

  // The admin creates the survey for the team in the admin area.
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Surveys' }).click();
  await expect(page.getByRole('heading', { name: 'Surveys', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'New survey' });
  await form.getByLabel('Question').fill(question);
  // A window that has already closed is refused next to the field.
  await form.getByLabel('Closes on').fill('2020-01-31');
  await form.getByLabel('Audience').selectOption({ label: `Team: ${teamName}` });
  await form.getByRole('button', { name: 'Create survey' }).click();
  await expect(form.getByLabel('Closes on')).toHaveAttribute('aria-invalid', 'true');
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Closes on').fill(inTwoWeeks);
  await form.getByRole('button', { name: 'Create survey' }).click();
  await expect(page.getByText('Survey created.')).toBeVisible();
  // Under the form, the team's surveys: the new one, open from today (both days in the window included).
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  const asked = page.getByRole('region', { name: 'Surveys asked' });
  await asked.getByLabel('Show surveys of').selectOption({ label: `Team: ${teamName}` });
  const teamTable = asked.getByRole('table', { name: `Surveys of team ${teamName}` });
  const row = teamTable.getByRole('row', { name: question });
  await expect(row.getByRole('cell')).toHaveText([today, inTwoWeeks, 'Open']);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '70-surveys-admin-create');
  await expectNoSidewaysScroll(page);

  // The rep sees it on My day.
  await page.evaluate(() => { sessionStorage.clear(); });
  await page.goto('/sign-in');
  await signIn(page, rep.email, rep.password);
  const banner = page.getByRole('region', { name: 'A survey is waiting for you' });
  await expect(banner.getByRole('heading', { name: question })).toBeVisible();
  await expect(banner).toContainText('Answers are anonymous');
  await expect(banner).toContainText('5 or more responses');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '71-surveys-my-day');
  await phoneScreenshot(page, '71-surveys-my-day');
  await expectNoSidewaysScroll(page);

  // The same rep in a second tab, with the form still open there.
  const session = await page.evaluate(() => sessionStorage.getItem('salescrm.session'));
  const other = await context.newPage();
  await other.addInitScript((value) => {
    if (value) sessionStorage.setItem('salescrm.session', value);
  }, session);
  await other.goto('/surveys');
  await expect(other.getByRole('heading', { name: question })).toBeVisible();

  // Answer on /surveys with the keyboard: focus the scale, arrow to 8, send.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await expect(page.getByRole('heading', { name: 'Surveys', level: 1 })).toBeVisible();
  const scale = page.getByRole('group', { name: 'Your answer, from 0 to 10' });
  await expect(scale.getByRole('radio')).toHaveCount(11);
  await expect(scale.getByRole('radio', { name: '0 — not at all likely' })).toBeVisible();
  await expect(scale.getByRole('radio', { name: '10 — extremely likely' })).toBeVisible();
  await scale.getByRole('radio', { name: '7' }).check();
  await page.keyboard.press('ArrowRight');
  await expect(scale.getByRole('radio', { name: '8' })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByText('Answered — thank you')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send answer' })).toHaveCount(0);

  // Coming back, the survey is answered and cannot be answered again.
  await page.reload();
  await expect(page.getByRole('heading', { name: question })).toBeVisible();
  await expect(page.getByText('Answered — thank you')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, '72-surveys-answered');
  await phoneScreenshot(page, '72-surveys-answered');
  await expectNoSidewaysScroll(page);

  // My day no longer asks.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My day' }).click();
  await expect(page.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(page.getByRole('region', { name: /waiting for you/ })).toHaveCount(0);

  // The other tab still shows the form; its answer is refused with a clear message (409).
  await other.getByRole('radio', { name: '3' }).check();
  await other.getByRole('button', { name: 'Send answer' }).click();
  await expect(other.getByRole('alert')).toContainText('You have already answered this survey. Answers cannot be changed.');
  await expect(other.getByText('Answered — thank you')).toBeVisible();
  await expectNoSeriousA11yViolations(other);
  await other.close();
});
