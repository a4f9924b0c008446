import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, ErrorState, LoadingState, usePageTitle } from '../../../components/ui';
import { useMe } from '../../auth';
import { useTeams } from '../../teams/api/useTeams';
import { useUsers, type User } from '../api/useUsers';
import { CreateUserDialog } from './CreateUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { SetUserActiveDialog } from './SetUserActiveDialog';
import { readUserFilters } from './userFilterParams';
import { UserFilters } from './UserFilters';
import { UsersTable } from './UsersTable';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'set-active'; user: User };

export function UsersPage() {
  usePageTitle('Users');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readUserFilters(searchParams);
  const users = useUsers({ teamId: filters.teamId, isActive: filters.isActive });
  const teams = useTeams();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
  };

  const loaded = users.data?.pages.flatMap((page) => page.items) ?? [];
  const search = filters.search.trim().toLocaleLowerCase();
  const shown = search
    ? loaded.filter(
        (user) =>
          user.displayName.toLocaleLowerCase().includes(search) || user.email.toLocaleLowerCase().includes(search),
      )
    : loaded;

  return (
    <section aria-labelledby="users-heading">
      <div className="page-header">
        <h1 id="users-heading">Users</h1>
        <Button
          onClick={() => {
            setDialog({ kind: 'create' });
          }}
        >
          New user
        </Button>
      </div>
      <UserFilters
        filters={filters}
        teams={teams.data ?? []}
        onChange={(next) => {
          setSearchParams(next, { replace: true });
        }}
      />
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <UsersTable
            users={shown}
            teams={teams.data ?? []}
            currentUserId={me.data?.id ?? null}
            empty={loaded.length === 0 ? 'No users match these filters.' : 'No loaded user matches this search.'}
            onEdit={(user) => {
              setDialog({ kind: 'edit', user });
            }}
            onSetActive={(user) => {
              setDialog({ kind: 'set-active', user });
            }}
          />
          {users.hasNextPage && (
            <div className="form__actions">
              {search && <p className="muted">The search covers the users loaded so far.</p>}
              <Button
                variant="secondary"
                disabled={users.isFetchingNextPage}
                onClick={() => void users.fetchNextPage()}
              >
                {users.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
        </>
      )}
      {dialog?.kind === 'create' && <CreateUserDialog onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserDialog userId={dialog.user.id} onClose={close} />}
      {dialog?.kind === 'set-active' && <SetUserActiveDialog user={dialog.user} onClose={close} />}
    </section>
  );
}
