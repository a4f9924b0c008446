import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/useSession';

/** Sends anyone without a session to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const from = location.pathname + location.search + location.hash;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return children;
}
