import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { revokeRefreshToken } from '../api/tokens';
import { sessionStore } from '../session/sessionStore';

export interface SignOutOptions {
  /** Shown on the sign-in page, e.g. why the session ended. */
  notice?: string;
}

/** Ends the session here at once, then revokes the refresh token on the server (best effort). */
export function useSignOut(): (options?: SignOutOptions) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (options: SignOutOptions = {}) => {
      const refreshToken = sessionStore.get()?.refreshToken;
      sessionStore.clear({ signedOut: true, ...options });
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
      if (refreshToken) {
        revokeRefreshToken(api, refreshToken).catch(() => undefined);
      }
    },
    [navigate, queryClient],
  );
}
