import { expect, test } from '@playwright/test';
import { admin } from './accounts';
import { expectNoSeriousA11yViolations } from './axe';
import { screenshot } from './screenshots';
import { signIn } from './session';

test('an admin creates a pipeline, adds, edits, reorders and archives its stages', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/sign-in');
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('display-name')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Pipelines & stages' }).click();
  await expect(page.getByRole('heading', { name: 'Pipelines & stages', level: 1 })).toBeVisible();

  await test.step('create a pipeline', async () => {
    await page.getByLabel('Pipeline name').fill('Partnerships');
    await page.getByRole('button', { name: 'Create pipeline' }).click();
    await expect(page.getByText('Pipeline “Partnerships” created.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Stages of Partnerships' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Qualification' })).toBeVisible();
  });

  const addForm = page.getByRole('form', { name: 'Add a stage to Partnerships' });
  await test.step('a bad probability is named by the field, then the stage is added', async () => {
    await addForm.getByLabel('Stage name').fill('Negotiation');
    await addForm.getByLabel('Probability (%)').fill('150');
    await addForm.getByRole('button', { name: 'Add stage' }).click();
    await expect(addForm.getByLabel('Probability (%)')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '50-admin-pipelines-stage-error');
    await addForm.getByLabel('Probability (%)').fill('60');
    await addForm.getByRole('button', { name: 'Add stage' }).click();
    await expect(page.getByText('Stage “Negotiation” added.')).toBeVisible();
  });

  const stages = page.getByRole('region', { name: 'Stages of Partnerships table' });
  await test.step('reorder, edit and archive', async () => {
    // Qualification, Negotiation, Won, Lost: move Negotiation up.
    await page.getByRole('button', { name: 'Move Negotiation up' }).click();
    await expect(page.getByText('Stage “Negotiation” moved up.')).toBeVisible();
    await expect(stages.getByRole('rowheader').first()).toHaveText('Negotiation');

    await page.getByRole('button', { name: 'Edit Qualification' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit stage Qualification' });
    await dialog.getByLabel('Probability (%)').fill('20');
    await dialog.getByLabel('Stale after (days)').fill('14');
    await dialog.getByRole('button', { name: 'Save stage' }).click();
    await expect(dialog).toBeHidden();
    const row = stages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Qualification' }) });
    await expect(row).toContainText('20%');
    await expect(row).toContainText('14 days');

    await page.getByRole('button', { name: 'Archive Negotiation' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Archive Negotiation?' });
    await confirm.getByRole('button', { name: 'Archive stage' }).click();
    await expect(page.getByText('Stage “Negotiation” archived.')).toBeVisible();
    await expect(stages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Negotiation' }) })).toContainText('Archived');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '51-admin-pipelines-stages');
  });
});
