import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { sessionStore } from '../session/sessionStore';
import { useSession } from '../session/useSession';

/**
 * Sends anyone without a session to the sign-in page, remembering where they were going, unless
 * they signed out: then the next sign-in starts at home.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    if (sessionStore.ending()?.signedOut) return <Navigate to="/sign-in" replace />;
    const from = location.pathname + location.search + location.hash;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return children;
}
