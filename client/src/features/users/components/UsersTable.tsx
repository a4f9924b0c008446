import { roleLabel } from '../../auth';
import type { User } from '../api/useUsers';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function UsersTable({ users }: { users: readonly User[] }) {
  return (
    <div className="table-scroll" tabIndex={0} aria-label="Users table">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>{roleLabel(user.role)}</td>
              <td>{user.isActive ? 'Active' : 'Inactive'}</td>
              <td>{dateFormat.format(new Date(user.createdAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
