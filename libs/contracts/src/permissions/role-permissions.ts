import type { Permission } from './permission-catalog.ts';

export const roles = ['member', 'moderator', 'admin'] as const;

export type Role = (typeof roles)[number];

/** A user with no `roles` custom claim is a member. */
export const defaultRoles: readonly Role[] = ['member'];

const memberPermissions: readonly Permission[] = [
  'profile:read:self',
  'profile:update:self',
  'account:delete:self',
  'profiles:read',
  'notifications:read:self',
  'notifications:update:self',
  'posts:create',
  'comments:create',
];

const moderatorPermissions: readonly Permission[] = [
  ...memberPermissions,
  'posts:delete:any',
  'comments:delete:any',
  'users:read',
  'users:suspend',
];

/** The one place that says what each role may do. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  member: memberPermissions,
  moderator: moderatorPermissions,
  admin: [...moderatorPermissions, 'roles:assign', 'users:delete', 'audit:read'],
};

export function permissionsForRoles(assigned: Iterable<Role>): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of assigned) {
    for (const permission of rolePermissions[role]) granted.add(permission);
  }
  return granted;
}
