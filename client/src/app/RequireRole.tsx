import { Outlet } from 'react-router';
import { ErrorState, LoadingState } from '../components/ui';
import { useMe, type Role } from '../features/auth';

/** Shows nested pages only to the given role; the API enforces the same rule. */
export function RequireRole({ role }: { role: Role }) {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.role !== role) {
    return (
      <section>
        <h1>Not available</h1>
        <p>You do not have access to this page.</p>
      </section>
    );
  }
  return <Outlet />;
}
