import { describe, expect, it } from 'vitest';
import { cityKey, roundLocation } from './location-key.ts';

describe('roundLocation', () => {
  it('rounds to 2 decimals (about 1 km) and keys the document by the rounded pair', () => {
    expect(roundLocation(52.52437, 13.41053)).toEqual({ latitude: 52.52, longitude: 13.41, key: '52.52_13.41' });
    expect(roundLocation(52.5249, 13.4051).key).toBe('52.52_13.41');
    expect(roundLocation(52.525, 13.4149).key).not.toBe(roundLocation(52.514, 13.4149).key);
  });

  it('writes fixed decimals, and no negative zero', () => {
    expect(roundLocation(1, -2).key).toBe('1.00_-2.00');
    expect(roundLocation(-0.001, 0.004).key).toBe('0.00_0.00');
  });

  it('keys the antimeridian once', () => {
    expect(roundLocation(10, -180).key).toBe(roundLocation(10, 180).key);
  });
});

describe('cityKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(cityKey('  München ')).toBe('munchen');
    expect(cityKey('munchen')).toBe('munchen');
    expect(cityKey('Rio de Janeiro')).toBe('rio-de-janeiro');
    expect(cityKey('St. John\'s')).toBe('st-john-s');
    expect(cityKey('!!')).toBe('');
  });
});
