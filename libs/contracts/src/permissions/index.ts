export { permissions, type Permission } from './permission-catalog.ts';
export { roles, defaultRoles, rolePermissions, permissionsForRoles, type Role } from './role-permissions.ts';
