import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const settings = { threshold: 20, assignment: 'none', teamId: null, userId: null, updatedAt: '', version: 4 };
const rule = { type: 'email_opened', points: 1, createdAt: '', updatedAt: '', version: 2 };

describe('Lead scoring admin page', () => {
  it('saves the threshold and round-robin team with If-Match, showing a field error next to the team', async () => {
    let attempts = 0;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/lead-scoring/settings': () => json(settings, { headers: { ETag: '"4"' } }),
      'GET /api/v1/lead-scoring/rules': () => json([rule]),
      'GET /api/v1/teams': () => json({ items: [{ id: 't1', name: 'Inside sales' }], nextCursor: null }),
      'GET /api/v1/users': () => json({ items: [], nextCursor: null }),
      'PUT /api/v1/lead-scoring/settings': async (request) => {
        attempts += 1;
        if (attempts === 1) return problem({ status: 400, title: 'Invalid', errors: { teamId: ['Choose a team for round robin.'] } });
        const body = (await request.json()) as object;
        return json({ ...settings, ...body, version: 5 }, { headers: { ETag: '"5"' } });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/lead-scoring');

    const threshold = await screen.findByLabelText('Threshold');
    await user.clear(threshold);
    await user.type(threshold, '30');
    await user.selectOptions(screen.getByLabelText('Assign qualified leads'), 'round_robin');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => {
      expect(screen.getByLabelText('Team')).toHaveAccessibleDescription(/Choose a team for round robin\./);
    });

    await user.selectOptions(screen.getByLabelText('Team'), 'Inside sales');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Lead scoring settings saved.')).toBeInTheDocument();
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts[1]?.headers.get('If-Match')).toBe('"4"');
    expect(await puts[1]?.json()).toEqual({ threshold: 30, assignment: 'round_robin', teamId: 't1', userId: null });
  });

  it('edits a rule’s points with its version in If-Match', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/lead-scoring/settings': () => json(settings, { headers: { ETag: '"4"' } }),
      'GET /api/v1/lead-scoring/rules': () => json([rule]),
      'GET /api/v1/teams': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/users': () => json({ items: [], nextCursor: null }),
      'PUT /api/v1/lead-scoring/rules/email_opened': () => json({ ...rule, points: 2, version: 3 }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/lead-scoring');

    const table = await screen.findByRole('table', { name: /Scoring rules/ });
    expect(within(table).getByRole('rowheader', { name: 'email_opened' })).toBeInTheDocument();
    expect(within(table).getByText('+1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit points for email_opened' }));
    const dialog = await screen.findByRole('dialog', { name: 'Points for email_opened' });
    const points = within(dialog).getByRole('spinbutton', { name: 'Points' });
    await user.clear(points);
    await user.type(points, '2');
    await user.click(screen.getByRole('button', { name: 'Save points' }));
    expect(await screen.findByText('Points for email_opened saved.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"2"');
    expect(await put?.json()).toEqual({ points: 2 });
  });
});
