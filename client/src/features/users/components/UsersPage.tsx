import { Button, EmptyState, ErrorState, LoadingState } from '../../../components/ui';
import { useUsers } from '../api/useUsers';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const users = useUsers();
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>No users yet.</EmptyState>
      ) : (
        <>
          <UsersTable users={items} />
          {users.hasNextPage && (
            <Button
              variant="secondary"
              disabled={users.isFetchingNextPage}
              onClick={() => void users.fetchNextPage()}
            >
              {users.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
