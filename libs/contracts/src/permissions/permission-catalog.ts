/**
 * Every permission a route or a use case can ask for, as `resource:action[:scope]`.
 * Routes check permissions, never roles, so that what a role may do is decided in one place
 * (role-permissions.ts) and can change without touching a route.
 */
export const permissions = [
  'profile:read:self',
  'profile:update:self',
  'account:delete:self',
  'profiles:read',
  'notifications:read:self',
  'notifications:update:self',
  'posts:create',
  'posts:delete:any',
  'comments:create',
  'comments:delete:any',
  'users:read',
  'users:suspend',
  'users:delete',
  'roles:assign',
  'audit:read',
] as const;

export type Permission = (typeof permissions)[number];
