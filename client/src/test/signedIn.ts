import { api } from '../api/client';
import { installAuth, sessionStore } from '../features/auth';

export const adminMe = {
  id: '00000000-0000-7000-8000-000000000001',
  email: 'ada@example.test',
  displayName: 'Ada Admin',
  role: 'admin',
  teamId: null,
} as const;

let installed = false;

/** Starts a session whose bearer token the api client sends (installs the auth middleware once per file). */
export function signIn(): void {
  if (!installed) {
    installAuth(api, sessionStore);
    installed = true;
  }
  sessionStore.set({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: Date.now() + 600_000 });
}
