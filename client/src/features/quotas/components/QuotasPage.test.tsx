import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const rep = { ...adminMe, id: '00000000-0000-7000-8000-0000000000r1', displayName: 'Rita Rep', role: 'rep' };

describe('Quotas admin page', () => {
  it('shows a 409 on the period start and keeps the form, then sets the quota', async () => {
    let attempts = 0;
    const quotas: unknown[] = [];
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/users': () => json({ items: [adminMe, rep], nextCursor: null }),
      'GET /api/v1/quotas': () => json({ items: quotas, nextCursor: null }),
      'POST /api/v1/quotas': async (request) => {
        attempts += 1;
        if (attempts === 1) {
          return problem({
            status: 409,
            title: 'Conflict',
            detail: 'This rep already has a quota for this period.',
            errors: { periodStart: ['This rep already has a quota for this period.'] },
          });
        }
        const body = (await request.json()) as Record<string, unknown>;
        const quota = { id: 'q1', periodEnd: '2026-12-01', createdAt: '', updatedAt: '', version: 1, ...body };
        quotas.push(quota);
        return json(quota, { status: 201 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/quotas');

    await user.selectOptions(await screen.findByLabelText('Rep'), 'Rita Rep');
    const start = screen.getByLabelText('Period start');
    await user.clear(start);
    await user.type(start, '2026-11-01');
    await user.type(screen.getByLabelText('Target'), '1500');
    await user.click(screen.getByRole('button', { name: 'Set quota' }));

    await waitFor(() => {
      expect(start).toHaveAccessibleDescription('This rep already has a quota for this period.');
    });
    expect(screen.getByLabelText('Target')).toHaveValue(1500);

    await user.click(screen.getByRole('button', { name: 'Set quota' }));
    expect(await screen.findByRole('rowheader', { name: 'Rita Rep' })).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(await posts[1]?.json()).toEqual({
      userId: rep.id,
      period: 'month',
      periodStart: '2026-11-01',
      kind: 'revenue',
      target: 1500,
    });
  });
});
