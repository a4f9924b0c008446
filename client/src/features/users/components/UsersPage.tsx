import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, LoadMoreButton, Page, QueryView } from '../../../components/ui';
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
    <Page
      title="Users"
      actions={
        <Button
          onClick={() => {
            setDialog({ kind: 'create' });
          }}
        >
          New user
        </Button>
      }
    >
      <UserFilters
        filters={filters}
        teams={teams.data ?? []}
        onChange={(next) => {
          setSearchParams(next, { replace: true });
        }}
      />
      <QueryView query={users} loadingLabel="Loading users…">
        {() => (
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
                <LoadMoreButton query={users} />
              </div>
            )}
          </>
        )}
      </QueryView>
      {dialog?.kind === 'create' && <CreateUserDialog onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserDialog userId={dialog.user.id} onClose={close} />}
      {dialog?.kind === 'set-active' && <SetUserActiveDialog user={dialog.user} onClose={close} />}
    </Page>
  );
}
