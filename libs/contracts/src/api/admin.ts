import { z } from 'zod';
import { roles } from '../permissions/role-permissions.ts';

/**
 * The roles an admin can grant or take away. Every account is a member; `member` is never
 * assigned or revoked, so asking to is a validation error rather than a silent no-op.
 */
export const assignableRoles = ['moderator', 'admin'] as const;
export const AssignableRole = z.enum(assignableRoles).meta({ id: 'AssignableRole' });
export type AssignableRole = z.infer<typeof AssignableRole>;

/** What an account may do, as identity stores it (Firestore is the source of truth; claims are a cache). */
export const AccessState = z
  .object({
    roles: z.array(z.enum(roles)),
    disabled: z.boolean(),
    deleted: z.boolean(),
  })
  .meta({ id: 'AccessState' });
export type AccessState = z.infer<typeof AccessState>;

/** An account as the admin pages show it: Firebase Auth's record joined with identity's. */
export const AdminUser = z
  .object({
    uid: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    roles: z.array(z.enum(roles)),
    disabled: z.boolean(),
    createdAt: z.iso.datetime().nullable(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUser>;

/** `GET /v1/admin/users`: a page may hold fewer than `limit` items; follow `nextCursor` until null. */
export const AdminUserList = z
  .object({ items: z.array(AdminUser), nextCursor: z.string().nullable() })
  .meta({ id: 'AdminUserList' });
export type AdminUserList = z.infer<typeof AdminUserList>;

export const auditActions = ['role.assigned', 'role.revoked', 'user.deactivated', 'user.reactivated', 'user.deleted'] as const;
export const AuditAction = z.enum(auditActions).meta({ id: 'AuditAction' });
export type AuditAction = z.infer<typeof AuditAction>;

/** One admin action, written in the same transaction as the change it records. */
export const AuditEntry = z
  .object({
    id: z.string(),
    actorUid: z.string(),
    action: AuditAction,
    targetUid: z.string(),
    before: AccessState,
    after: AccessState,
    at: z.iso.datetime(),
    requestId: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Who a uid in the audit log is now: read when the page is served, so a changed email shows the new one. */
export const AuditPerson = z
  .object({ email: z.string().nullable(), displayName: z.string().nullable() })
  .meta({ id: 'AuditPerson' });
export type AuditPerson = z.infer<typeof AuditPerson>;

/**
 * `GET /v1/admin/audit`: newest first; `nextCursor` is opaque and null on the last page. `people`
 * names the actors and targets of this page by uid; an account deleted since is absent from it.
 */
export const AuditList = z
  .object({ items: z.array(AuditEntry), people: z.record(z.string(), AuditPerson), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof AuditList>;

/** `DELETE /v1/me` and `DELETE /v1/admin/users/{uid}`: the account is gone now; modules purge their data after. */
export const AccountDeletion = z
  .object({ uid: z.string(), deletedAt: z.iso.datetime() })
  .meta({ id: 'AccountDeletion' });
export type AccountDeletion = z.infer<typeof AccountDeletion>;
