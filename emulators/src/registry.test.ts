import { describe, expect, it } from 'vitest';
import { parseEmulatorNames } from './registry.ts';

describe('parseEmulatorNames', () => {
  it('reads a comma-separated list, spaces allowed', () => {
    expect(parseEmulatorNames('firestore, auth')).toEqual(['firestore', 'auth']);
  });

  it('rejects an unknown name, listing the known ones', () => {
    expect(() => parseEmulatorNames('firestore,storage')).toThrow('choose from firestore, pubsub, auth');
  });

  it('rejects an empty list', () => {
    expect(() => parseEmulatorNames(' , ')).toThrow('is not a list of emulators');
  });
});
