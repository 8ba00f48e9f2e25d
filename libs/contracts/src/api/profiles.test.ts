import { describe, expect, it } from 'vitest';
import { AvatarUrl, Bio, DisplayName, UpdateProfileRequest, Username } from './profiles.ts';

describe('profile field rules', () => {
  it('normalizes a username, and refuses what the pattern does not allow', () => {
    expect(Username.parse('  Ada.L ')).toBe('ada.l');
    for (const bad of ['ab', 'x'.repeat(21), 'a b', 'ada!', 'x'.repeat(100)]) expect(Username.safeParse(bad).success).toBe(false);
  });

  it('trims a display name, allows null to remove it, and refuses an empty or oversize one', () => {
    expect(DisplayName.parse('  Ada  ')).toBe('Ada');
    expect(DisplayName.parse(null)).toBeNull();
    for (const bad of ['', '   ', 'x'.repeat(81)]) expect(DisplayName.safeParse(bad).success).toBe(false);
  });

  it('takes https avatar URLs only, of bounded length', () => {
    expect(AvatarUrl.parse(' https://cdn.example.com/ada.png ')).toBe('https://cdn.example.com/ada.png');
    expect(AvatarUrl.parse(null)).toBeNull();
    for (const bad of ['http://example.com/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'https://', `https://example.com/${'a'.repeat(2048)}`]) {
      expect(AvatarUrl.safeParse(bad).success, bad.slice(0, 40)).toBe(false);
    }
  });

  it('bounds the bio at 280 characters', () => {
    expect(Bio.parse(' Poet of science ')).toBe('Poet of science');
    expect(Bio.safeParse('x'.repeat(280)).success).toBe(true);
    expect(Bio.safeParse('x'.repeat(281)).success).toBe(false);
  });

  it('names each bad field of an update, and refuses unknown ones', () => {
    const result = UpdateProfileRequest.safeParse({ username: 'a', bio: 'x'.repeat(300), avatarUrl: 'http://x.com' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['avatarUrl', 'bio', 'username']);
    expect(UpdateProfileRequest.safeParse({ email: 'x@y.z' }).success).toBe(false);
    expect(UpdateProfileRequest.parse({})).toEqual({});
  });
});
