import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, pathOf } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const team = { id: 't1', name: 'Field sales', createdAt: '2026-01-01T00:00:00Z', version: 1 };
const person = { id: 'u2', email: 'rick@example.test', displayName: 'Rick Rep', role: 'rep', teamId: 't1', isActive: true };
const empty = () => json({ items: [], nextCursor: null });

function leadQueries(requests: Request[]) {
  return requests.filter((r) => pathOf(r) === '/api/v1/leads').map((r) => new URL(r.url).searchParams);
}

describe('Leads owner filter', () => {
  it('lets an admin narrow leads to a team, then to a person in it', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/teams': () => json({ items: [team], nextCursor: null }),
      'GET /api/v1/users': () => json({ items: [person], nextCursor: null }),
      'GET /api/v1/leads': empty,
    });
    signIn();
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/leads');

    await screen.findByRole('option', { name: 'Field sales' });
    await user.selectOptions(screen.getByLabelText('Team'), 'Field sales');
    await waitFor(() => {
      expect(leadQueries(requests).at(-1)?.get('teamId')).toBe('t1');
    });
    expect(leadQueries(requests).at(-1)?.has('ownerId')).toBe(false);
    // The owner picker lists the people of the team chosen.
    await waitFor(() => {
      expect(requests.some((r) => pathOf(r) === '/api/v1/users' && new URL(r.url).searchParams.get('teamId') === 't1')).toBe(true);
    });

    await user.selectOptions(screen.getByLabelText('Owner'), await screen.findByRole('option', { name: 'Rick Rep' }));
    await waitFor(() => {
      expect(leadQueries(requests).at(-1)?.get('ownerId')).toBe('u2');
    });
    expect(leadQueries(requests).at(-1)?.get('teamId')).toBe('t1');
    expect(router.state.location.search).toBe('?team=t1&owner=u2');
  });

  it('offers reps no owner filter, since they only see their own leads', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json({ ...adminMe, role: 'rep' }),
      'GET /api/v1/leads': empty,
    });
    signIn();
    renderRoutes(routes, '/leads?owner=u2');

    expect(await screen.findByText(/No leads match/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Owner')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Team')).not.toBeInTheDocument();
    expect(requests.some((r) => pathOf(r) === '/api/v1/users' || pathOf(r) === '/api/v1/teams')).toBe(false);
  });
});
