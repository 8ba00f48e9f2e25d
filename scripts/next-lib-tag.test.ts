import { describe, expect, it } from 'vitest';
import { nextLibTag, releasableLibs } from './next-lib-tag.ts';

describe('nextLibTag', () => {
  const tags = ['contracts/v0.1.0', 'contracts/v0.10.2', 'contracts/v0.9.7', 'runtime/v3.0.0', 'v1.2.3', 'contracts/v1.0.0-rc.1', 'contracts/latest'];

  it('bumps the highest version of that lib, compared as numbers', () => {
    expect(nextLibTag('contracts', 'patch', tags)).toBe('contracts/v0.10.3');
    expect(nextLibTag('contracts', 'minor', tags)).toBe('contracts/v0.11.0');
    expect(nextLibTag('contracts', 'major', tags)).toBe('contracts/v1.0.0');
  });

  it('starts a lib with no release from 0.0.0', () => {
    expect(nextLibTag('client', 'minor', tags)).toBe('client/v0.1.0');
    expect(nextLibTag('client', 'patch', [])).toBe('client/v0.0.1');
  });

  it('ignores tags of libs whose name merely starts the same', () => {
    expect(nextLibTag('runtime', 'patch', ['runtime-extra/v9.0.0', 'runtime/v1.0.0'])).toBe('runtime/v1.0.1');
  });
});

describe('releasableLibs', () => {
  it('are the directories under libs/', () => {
    expect(releasableLibs()).toEqual(expect.arrayContaining(['contracts', 'runtime']));
  });
});
