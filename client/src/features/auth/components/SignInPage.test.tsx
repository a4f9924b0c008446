import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { sessionStore } from '../session/sessionStore';
import { SignInPage } from './SignInPage';

const routes = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/', element: <p>Home page</p> },
  { path: '/admin', element: <p>Admin page</p> },
];

async function signIn(email = 'ada@example.test', password = 'Secret-123') {
  const user = userEvent.setup();
  renderRoutes(routes, '/sign-in');
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('signs in with the password grant, stores the session and goes home', async () => {
    const { requests } = mockFetch(() =>
      json({ accessToken: 'a1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r1' }),
    );

    await signIn();

    expect(await screen.findByText('Home page')).toBeInTheDocument();
    expect(await requests[0]?.json()).toMatchObject({
      grantType: 'password',
      email: 'ada@example.test',
      password: 'Secret-123',
    });
    expect(sessionStore.get()).toMatchObject({ accessToken: 'a1', refreshToken: 'r1' });
    expect(window.sessionStorage.getItem('salescrm.session')).toContain('"accessToken":"a1"');
  });

  it('returns to the page the user was sent from', async () => {
    mockFetch(() => json({ accessToken: 'a1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r1' }));
    const user = userEvent.setup();
    renderRoutes(routes, { pathname: '/sign-in', state: { from: '/admin' } });

    await user.type(screen.getByLabelText('Email'), 'ada@example.test');
    await user.type(screen.getByLabelText('Password'), 'Secret-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Admin page')).toBeInTheDocument();
  });

  it('shows the problem detail when the credentials are refused', async () => {
    mockFetch(() =>
      problem({ status: 401, title: 'Unauthorized', detail: 'Email or password is incorrect.' }),
    );

    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(sessionStore.get()).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('shows field errors next to the fields they belong to', async () => {
    mockFetch(() =>
      problem({
        status: 400,
        title: 'One or more validation errors occurred.',
        errors: { email: ['Email must be a valid address.'], password: ['Password is required.'] },
      }),
    );

    await signIn('ada@example.test', 'x');

    const email = await screen.findByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Email must be a valid address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Password is required.');
    expect(screen.getByRole('alert')).toHaveTextContent('One or more validation errors occurred.');
  });

  it('tells the user how long to wait after too many attempts', async () => {
    mockFetch(() =>
      problem({ status: 429, title: 'Too many requests' }, { 'Retry-After': '30' }),
    );

    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, retry in 30 s.');
    expect(screen.getByRole('button', { name: /retry in \d+ s/i })).toBeDisabled();
  });

  it('re-enables sign-in when the wait is over', async () => {
    mockFetch(() => problem({ status: 429, title: 'Too many requests' }, { 'Retry-After': '1' }));

    await signIn();

    expect(await screen.findByRole('button', { name: 'Retry in 1 s' })).toBeDisabled();
    expect(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 3000 })).toBeEnabled();
  });

  it('reports an unreachable server', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent(/cannot reach the server/i);
  });

  it('skips the form when already signed in', async () => {
    sessionStore.set({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 60_000 });

    renderRoutes(routes, '/sign-in');

    expect(await screen.findByText('Home page')).toBeInTheDocument();
  });
});
