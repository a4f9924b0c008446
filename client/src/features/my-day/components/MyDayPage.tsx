import { ErrorState, LoadingState } from '../../../components/ui';
import { roleLabel, useMe, type Me } from '../../auth';

export function MyDayPage() {
  const me = useMe();
  return (
    <section aria-labelledby="my-day-heading">
      <h1 id="my-day-heading">My day</h1>
      {me.isPending ? (
        <LoadingState />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <Greeting me={me.data} />
      )}
    </section>
  );
}

function Greeting({ me }: { me: Me }) {
  return (
    <>
      <p>
        Signed in as <strong data-testid="display-name">{me.displayName}</strong> (
        <span data-testid="role">{roleLabel(me.role)}</span>).
      </p>
      <p className="muted">Your calls, meetings and follow-ups for today will appear here.</p>
    </>
  );
}
