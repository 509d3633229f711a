import { describe, expect, it } from 'vitest';
import { hasRole, ROLES, type Role } from '../../core/enums';

describe('hasRole', () => {
  const cases: [Role, Role, boolean][] = [
    ['viewer', 'viewer', true],
    ['viewer', 'operator', false],
    ['viewer', 'admin', false],
    ['operator', 'viewer', true],
    ['operator', 'operator', true],
    ['operator', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'operator', true],
    ['admin', 'admin', true],
  ];
  it.each(cases)('%s needs %s → %s', (role, needed, expected) => {
    expect(hasRole(role, needed)).toBe(expected);
  });
  it('covers every pair of roles', () => {
    expect(cases).toHaveLength(ROLES.length * ROLES.length);
  });
});
