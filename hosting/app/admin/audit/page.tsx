'use client';
import { AuditLog } from '../../../src/admin/audit-log.tsx';
import { RequireSession } from '../../../src/session/require-session.tsx';

export default function AdminAuditPage() {
  return (
    <RequireSession permission="audit:read">
      <AuditLog />
    </RequireSession>
  );
}
