import { describe, expect, it } from 'vitest';
import { reservedUsernames } from './reserved-usernames.ts';
import { checkUsername, usernameAvailability } from './username.ts';

describe('checkUsername', () => {
  it('trims and lower-cases before checking', () => {
    expect(checkUsername('  Ada.Lovelace ')).toEqual({ ok: true, username: 'ada.lovelace' });
    expect(checkUsername('a_b-c.9')).toEqual({ ok: true, username: 'a_b-c.9' });
  });

  it.each(['me', 'ab', 'x'.repeat(21), 'ada lovelace', 'ada!', 'ädä', 'ada@plaza', '', '   '])('refuses %j as invalid', (input) => {
    expect(checkUsername(input)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('accepts the bounds of the length rule', () => {
    expect(checkUsername('abc').ok).toBe(true);
    expect(checkUsername('x'.repeat(20)).ok).toBe(true);
  });

  it.each(['admin', 'ROOT', ' support ', 'api', 'plaza', 'help', 'settings', 'users'])('refuses %j as reserved', (input) => {
    expect(checkUsername(input)).toMatchObject({ ok: false, reason: 'reserved' });
  });

  it('lists only names the pattern would otherwise allow, so the list says exactly what it stops', () => {
    for (const name of reservedUsernames) expect(checkUsername(name)).toMatchObject({ reason: 'reserved' });
  });
});

describe('usernameAvailability', () => {
  const check = checkUsername('ada');

  it('is available when nobody holds the name, or the caller does', () => {
    expect(usernameAvailability(check, undefined, 'me')).toEqual({ username: 'ada', available: true, reason: null, message: null });
    expect(usernameAvailability(check, 'me', 'me').available).toBe(true);
  });

  it('says taken when someone else holds it, and passes on rule failures', () => {
    expect(usernameAvailability(check, 'other', 'me')).toMatchObject({ available: false, reason: 'taken' });
    expect(usernameAvailability(checkUsername('Admin'), undefined, 'me')).toMatchObject({ username: 'admin', available: false, reason: 'reserved' });
    expect(usernameAvailability(checkUsername('a!'), undefined, 'me')).toMatchObject({ available: false, reason: 'invalid' });
  });
});
