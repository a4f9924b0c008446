import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const certification = {
  id: 'c1',
  name: 'Product basics',
  required: true,
  validityMonths: 12,
  createdAt: '',
  updatedAt: '',
  archivedAt: null,
  version: 3,
};

describe('Certifications admin page', () => {
  it('edits with the ETag read in If-Match', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/certifications': () => json([certification]),
      'GET /api/v1/certifications/c1': () => json(certification, { headers: { ETag: '"3"' } }),
      'PUT /api/v1/certifications/c1': async (request) => json({ ...certification, ...((await request.json()) as object), version: 4 }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/certifications');
    await user.click(await screen.findByRole('button', { name: 'Edit Product basics' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit certification' });
    const validity = await within(dialog).findByLabelText('Valid for (months)');
    await user.clear(validity);
    await user.type(validity, '24');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(await put?.json()).toEqual({ name: 'Product basics', required: true, validityMonths: 24 });
  });
});

describe('Commission plans admin page', () => {
  it('sends percentages as fractions, shows a field error next to its field, and reuses the key on a retry', async () => {
    let attempts = 0;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/users': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/organisation': () => json({ name: 'Org', timeZone: 'UTC', currency: 'EUR', version: 1 }),
      'GET /api/v1/commission/plans': () => json([]),
      'POST /api/v1/commission/plans': () => {
        attempts += 1;
        return attempts === 1
          ? problem({ status: 409, title: 'Conflict', errors: { name: ['A plan with this name exists.'] } })
          : json({ id: 'p1' }, { status: 201 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/commission-plans');
    const form = await screen.findByRole('form', { name: 'New plan' }, { timeout: 5000 });
    await user.type(within(form).getByLabelText('Name'), 'Junior');
    await user.type(within(form).getByLabelText('Base pay'), '1500');
    await user.type(within(form).getByLabelText('Target'), '10000');
    await user.type(within(form).getByLabelText('Rate (%)'), '12.5');
    await user.click(within(form).getByRole('button', { name: 'Create plan' }));
    await waitFor(() => {
      expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('A plan with this name exists.');
    });
    await user.click(within(form).getByRole('button', { name: 'Create plan' }));
    await waitFor(() => {
      expect(attempts).toBe(2);
    });
    const posts = requests.filter((r) => r.method === 'POST');
    expect(await posts[0]?.json()).toEqual({ name: 'Junior', basePay: 1500, target: 10000, rate: 0.125, threshold: 1, period: 'month' });
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(posts[0]?.headers.get('Idempotency-Key'));
  });
});
