'use client';
import { UsersAdmin } from '../../src/admin/users-admin.tsx';
import { RequireSession } from '../../src/session/require-session.tsx';

export default function AdminUsersPage() {
  return (
    <RequireSession permission="users:read">
      <UsersAdmin />
    </RequireSession>
  );
}
