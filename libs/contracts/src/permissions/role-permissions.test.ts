import { describe, expect, it } from 'vitest';
import { permissions } from './permission-catalog.ts';
import { permissionsForRoles, rolePermissions, roles } from './role-permissions.ts';

describe('rolePermissions', () => {
  it('grants every permission to some role, so none is dead', () => {
    const granted = permissionsForRoles(roles);
    expect(permissions.filter((permission) => !granted.has(permission))).toEqual([]);
  });

  it('makes each role a superset of the one below', () => {
    const member = permissionsForRoles(['member']);
    const moderator = permissionsForRoles(['moderator']);
    const admin = permissionsForRoles(['admin']);
    expect([...member].every((permission) => moderator.has(permission))).toBe(true);
    expect([...moderator].every((permission) => admin.has(permission))).toBe(true);
    expect(member.has('audit:read')).toBe(false);
    expect(admin.has('roles:assign')).toBe(true);
  });

  it('unions the permissions of several roles', () => {
    expect(permissionsForRoles(['member', 'moderator'])).toEqual(new Set(rolePermissions.moderator));
    expect(permissionsForRoles([])).toEqual(new Set());
  });
});
