import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { admin } from './accounts';
import { post, tokenFor } from './api';
import { expectNoSeriousA11yViolations } from './axe';
import { screenshot } from './screenshots';
import { signIn } from './session';

// Every page a rep uses between meetings, at a phone's width.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const rep = { email: 'pia.phone@e2e.test', name: 'Pia Phone', password: 'Pia-Initial-Pass-1' };
const records = {
  account: 'Initech Worldwide Consolidated Holdings',
  contact: { firstName: 'Bill', lastName: 'Lumbergh-Hetherington' },
  deal: 'Initech printer fleet replacement, phase two',
  lead: 'Milton Waddams',
};

/** A rep with a deal, a lead, a contact and a logged call: long names, so every list has a row to wrap. */
async function seed(request: APIRequestContext): Promise<{ dealId: string; leadId: string }> {
  const adminToken = await tokenFor(request, admin.email, admin.password);
  const team = await post<{ id: string }>(request, adminToken, '/api/v1/teams', { name: 'Mobile sales' });
  const user = await post<{ id: string }>(request, adminToken, '/api/v1/users', {
    email: rep.email,
    displayName: rep.name,
    role: 'rep',
    password: rep.password,
    teamId: team.id,
  });
  const account = await post<{ id: string }>(request, adminToken, '/api/v1/accounts', {
    name: records.account,
    domain: 'initech.example',
    industry: 'Office equipment',
  });
  await post(request, adminToken, '/api/v1/contacts', { ...records.contact, accountId: account.id, email: 'bill@initech.example' });
  const deal = await post<{ id: string }>(request, adminToken, '/api/v1/opportunities', {
    name: records.deal,
    accountId: account.id,
    amount: 48000,
    ownerId: user.id,
  });
  const repToken = await tokenFor(request, rep.email, rep.password);
  const lead = await post<{ id: string }>(request, repToken, '/api/v1/leads', {
    name: records.lead,
    company: 'Initech basement storage',
    email: 'milton@initech.example',
    source: 'referral',
  });
  await post(request, repToken, '/api/v1/activities/calls', {
    direction: 'outbound',
    outcome: 'connected',
    durationSeconds: 240,
    notes: 'Asked about the red stapler.',
    opportunityId: deal.id,
  });
  return { dealId: deal.id, leadId: lead.id };
}

/** The page itself never scrolls sideways (a wide table may, inside its own container). */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${String(scrollWidth)}px wide in a ${String(innerWidth)}px window`).toBeLessThanOrEqual(innerWidth + 1);
}

/** Opens the main navigation from its Menu button and follows a link. */
async function navigate(page: Page, link: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
}

async function check(page: Page, name: string): Promise<void> {
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, `60-phone-${name}`);
}

test('every rep page fits a phone: no sideways scroll, a reachable menu, no serious a11y issues', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { dealId, leadId } = await seed(request);

  await page.goto('/sign-in');
  await signIn(page, rep.email, rep.password);
  await expect(page.getByRole('heading', { name: 'My day' })).toBeVisible();
  await expect(page.getByTestId('recent-activity')).toContainText(records.deal);
  await check(page, 'my-day');

  await test.step('the menu opens, lists every page and closes with Escape', async () => {
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const link of ['My day', 'Dashboard', 'Forecast', 'Pipeline', 'Leads', 'Accounts', 'Contacts']) {
      await expect(nav.getByRole('link', { name: link })).toBeVisible();
    }
    await check(page, 'menu');
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  await test.step('quick log', async () => {
    await page.getByRole('button', { name: /^Log/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Quick log' });
    await expect(dialog).toBeVisible();
    await check(page, 'quick-log');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('pipeline board', async () => {
    await navigate(page, 'Pipeline');
    await expect(page.getByTestId('deal-card').filter({ hasText: records.deal })).toBeVisible();
    await check(page, 'pipeline');
  });

  await test.step('opportunity', async () => {
    await page.goto(`/opportunities/${dealId}`);
    await expect(page.getByRole('heading', { name: records.deal, level: 1 })).toBeVisible();
    await expect(page.getByTestId('timeline')).toContainText('Asked about the red stapler.');
    await check(page, 'opportunity');
  });

  await test.step('leads and a lead', async () => {
    await navigate(page, 'Leads');
    await expect(page.getByRole('rowheader', { name: records.lead })).toBeVisible();
    await check(page, 'leads');
    await page.goto(`/leads/${leadId}`);
    await expect(page.getByRole('heading', { name: records.lead, level: 1 })).toBeVisible();
    await check(page, 'lead');
  });

  await test.step('accounts and contacts', async () => {
    await navigate(page, 'Accounts');
    await expect(page.getByRole('rowheader', { name: records.account })).toBeVisible();
    await check(page, 'accounts');
    await page.getByRole('link', { name: records.account }).click();
    await expect(page.getByRole('heading', { name: records.account, level: 1 })).toBeVisible();
    await check(page, 'account');
    await navigate(page, 'Contacts');
    await expect(page.getByRole('rowheader', { name: /Lumbergh-Hetherington/ })).toBeVisible();
    await check(page, 'contacts');
  });

  await test.step('dashboard', async () => {
    await navigate(page, 'Dashboard');
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Activity figures' })).toBeVisible();
    await check(page, 'dashboard');
    for (const tab of ['Follow-ups', 'Pipeline', 'Results', 'Quotas and ranking']) {
      await page.getByRole('tablist', { name: 'Dashboard sections' }).getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel').getByText(/^Loading/)).toHaveCount(0);
      await check(page, `dashboard-${tab.toLowerCase().replaceAll(' ', '-')}`);
    }
  });

  await test.step('forecast', async () => {
    await navigate(page, 'Forecast');
    await expect(page.getByRole('heading', { name: 'Forecast', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Stage-weighted' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Accuracy history' })).toBeVisible();
    await check(page, 'forecast');
  });
});
