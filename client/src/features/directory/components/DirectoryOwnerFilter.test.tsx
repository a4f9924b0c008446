import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, pathOf } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const rep = { ...adminMe, id: 'rep-1', displayName: 'Rita Rep', role: 'rep', teamId: 't1' };
const manager = { ...adminMe, id: 'm1', displayName: 'Mo Manager', role: 'manager', teamId: 't1' };
const team = { id: 't1', name: 'Field sales', createdAt: '2026-01-01T00:00:00Z', version: 1 };
const person = { id: 'u2', email: 'rick@example.test', displayName: 'Rick Rep', role: 'rep', teamId: 't1', isActive: true };
const empty = () => json({ items: [], nextCursor: null });

function queriesTo(requests: Request[], path: string) {
  return requests.filter((r) => pathOf(r) === path).map((r) => new URL(r.url).searchParams);
}

describe('Directory owner filter', () => {
  it('lets a rep narrow the shared accounts to their own, without listing people', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(rep),
      'GET /api/v1/accounts': empty,
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/accounts');

    const owner = await screen.findByLabelText('Owner');
    expect([...(owner as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Everyone', 'Me']);
    expect(screen.queryByLabelText('Team')).not.toBeInTheDocument();

    await user.selectOptions(owner, 'Me');
    await waitFor(() => {
      expect(queriesTo(requests, '/api/v1/accounts').at(-1)?.get('ownerId')).toBe('rep-1');
    });
    expect(queriesTo(requests, '/api/v1/accounts').at(-1)?.has('teamId')).toBe(false);
    expect(requests.some((r) => pathOf(r) === '/api/v1/users' || pathOf(r) === '/api/v1/teams')).toBe(false);
  });

  it('reads a manager’s contact filter from the address, and a new team clears the owner', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(manager),
      'GET /api/v1/teams': () => json({ items: [team], nextCursor: null }),
      'GET /api/v1/users': () => json({ items: [person], nextCursor: null }),
      'GET /api/v1/contacts': empty,
    });
    signIn();
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/contacts?team=t1&owner=u2');

    await waitFor(() => {
      expect(queriesTo(requests, '/api/v1/contacts').at(-1)?.toString()).toContain('ownerId=u2');
    });
    expect(queriesTo(requests, '/api/v1/contacts').at(-1)?.get('teamId')).toBe('t1');
    expect(await screen.findByRole('option', { name: 'Rick Rep', selected: true })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Team'), 'All teams');
    await waitFor(() => {
      const last = queriesTo(requests, '/api/v1/contacts').at(-1);
      expect(last?.has('teamId')).toBe(false);
      expect(last?.has('ownerId')).toBe(false);
    });
    expect(router.state.location.search).toBe('');
  });
});
