import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';
import { sessionStore } from '../../auth';

async function fill(user: ReturnType<typeof userEvent.setup>, current: string, next: string, repeat = next) {
  await user.type(await screen.findByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Repeat the new password'), repeat);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('Change password', () => {
  it('is reached from the account menu, which Escape closes', async () => {
    mockApi({ 'GET /api/v1/me': () => json(adminMe) });
    signIn();
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/');

    const toggle = await screen.findByRole('button', { name: 'Ada Admin: account' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('link', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { name: 'Change password' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/password');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('checks the repeat before sending, and shows the API’s field errors', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'POST /api/v1/me/password': () =>
        problem({
          status: 400,
          title: 'The request is not valid.',
          errors: { currentPassword: ['The current password is incorrect.'] },
        }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/account/password');

    await fill(user, 'old-password', 'A-new-password-1', 'A-new-password-2');
    expect(screen.getByLabelText('Repeat the new password')).toHaveAccessibleDescription(
      'The two new passwords are not the same.',
    );
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const repeat = screen.getByLabelText('Repeat the new password');
    await user.clear(repeat);
    await user.type(repeat, 'A-new-password-1');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('The current password is incorrect.');
    });
    expect(screen.getByLabelText('Repeat the new password')).not.toHaveAttribute('aria-invalid');
  });

  it('signs out after a change and asks to sign in with the new password', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'POST /api/v1/me/password': () => new Response(null, { status: 204 }),
      'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/account/password');

    await fill(user, 'old-password', 'A-new-password-1');

    expect(await screen.findByRole('heading', { name: 'Sign in to SalesCrm' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your password was changed. Sign in with the new one.');
    expect(sessionStore.get()).toBeNull();
    expect(await requests.find((r) => r.url.endsWith('/me/password'))?.json()).toEqual({
      currentPassword: 'old-password',
      newPassword: 'A-new-password-1',
    });
  });
});
