import { describe, expect, it } from 'vitest';
import { conditionOf } from './wmo-codes.ts';

describe('conditionOf', () => {
  it.each([
    [0, 'Clear sky'],
    [2, 'Partly cloudy'],
    [45, 'Fog'],
    [61, 'Slight rain'],
    [75, 'Heavy snowfall'],
    [82, 'Violent rain showers'],
    [99, 'Thunderstorm with heavy hail'],
  ])('reads WMO code %i as "%s"', (code, text) => {
    expect(conditionOf(code)).toEqual({ code, text });
  });

  it('keeps a code it does not know readable instead of failing', () => {
    expect(conditionOf(42)).toEqual({ code: 42, text: 'Unknown conditions' });
  });
});
