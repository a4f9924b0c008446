import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../api/client';
import { installAuth, sessionStore } from '../../features/auth';
import { json, mockFetch, pathOf, problem } from '../../test/mockFetch';
import { renderRoutes } from '../../test/renderRoutes';
import { routes } from '../routes';

const admin = { id: 'u1', email: 'admin@x.test', displayName: 'Ada Admin', role: 'admin', teamId: null };
const rep = { ...admin, displayName: 'Rita Rep', role: 'rep' };

function signedIn() {
  sessionStore.set({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: Date.now() + 600_000 });
}

beforeAll(() => {
  installAuth(api, sessionStore);
});

describe('authenticated shell', () => {
  it('sends a visitor without a session to sign-in', async () => {
    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { name: 'Sign in to SalesCrm' })).toBeInTheDocument();
  });

  it('shows the signed-in user and an Admin link for admins', async () => {
    signedIn();
    const { requests } = mockFetch(() => json(admin));

    renderRoutes(routes, '/');

    expect(await screen.findByTestId('display-name')).toHaveTextContent('Ada Admin');
    expect(screen.getByTestId('role')).toHaveTextContent('Administrator');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My day' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Admin' })).toBeInTheDocument();
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('hides the Admin link from reps', async () => {
    signedIn();
    mockFetch(() => json(rep));

    renderRoutes(routes, '/');

    expect(await screen.findByTestId('display-name')).toHaveTextContent('Rita Rep');
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('lists users on the admin page', async () => {
    signedIn();
    mockFetch((request) => {
      switch (pathOf(request)) {
        case '/api/v1/users':
          return json({
            items: [{ ...rep, id: 'u2', teamId: 't1', isActive: true, createdAt: '2025-01-02T10:00:00Z', version: 1 }],
            nextCursor: null,
          });
        case '/api/v1/teams':
          return json({ items: [{ id: 't1', name: 'North', createdAt: '2025-01-01T10:00:00Z', version: 1 }], nextCursor: null });
        default:
          return json(admin);
      }
    });

    const { router } = renderRoutes(routes, '/admin');

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(within(table).getByRole('rowheader', { name: 'Rita Rep' })).toBeInTheDocument();
    expect(await within(table).findByRole('cell', { name: 'North' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Active' })).toBeInTheDocument();
  });

  it('shows an error state with a retry when a page fails to load', async () => {
    signedIn();
    mockFetch(() => problem({ status: 403, title: 'Forbidden', detail: 'Not for you.' }));

    renderRoutes(routes, '/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not for you.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('signs out: revokes the refresh token, clears the session and shows sign-in', async () => {
    signedIn();
    // Only who is signed in and the sign-out are answered; My day's panels get a 404 and show their error states.
    const { requests } = mockFetch((request) => {
      if (pathOf(request) === '/api/v1/auth/sign-out') return new Response(null, { status: 204 });
      return pathOf(request) === '/api/v1/me' ? json(admin) : problem({ status: 404, title: 'Not found' });
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/');
    await screen.findByTestId('display-name');

    await user.click(screen.getByRole('button', { name: /Ada Admin/ }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to SalesCrm' })).toBeInTheDocument();
    expect(sessionStore.get()).toBeNull();
    expect(window.sessionStorage.getItem('salescrm.session')).toBeNull();
    const signOut = requests.find((r) => pathOf(r) === '/api/v1/auth/sign-out');
    expect(await signOut?.json()).toEqual({ refreshToken: 'refresh-1' });
    expect(signOut?.headers.get('Authorization')).toBeNull();
  });

  it('goes to sign-in cleanly when the session cannot be refreshed', async () => {
    signedIn();
    mockFetch((request) =>
      pathOf(request) === '/api/v1/auth/token'
        ? problem({ status: 401, title: 'Invalid refresh token' })
        : problem({ status: 401, title: 'Unauthorized' }),
    );

    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { name: 'Sign in to SalesCrm' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sessionStore.get()).toBeNull();
  });
});
