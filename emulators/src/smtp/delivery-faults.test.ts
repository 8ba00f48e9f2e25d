import { describe, expect, it } from 'vitest';
import { DeliveryFaults } from './delivery-faults.ts';

describe('DeliveryFaults', () => {
  it('fails a recipient the given number of times, whatever the address case, then lets it pass', () => {
    const faults = new DeliveryFaults();
    faults.arm({ to: 'Ada@Example.com', code: 421, remaining: 2 });
    expect(faults.take('ada@example.com')?.code).toBe(421);
    expect(faults.take('ADA@example.com')?.code).toBe(421);
    expect(faults.take('ada@example.com')).toBeUndefined();
  });

  it('fails every attempt without a count, until cleared, and leaves other recipients alone', () => {
    const faults = new DeliveryFaults();
    faults.arm({ to: 'bob@example.com', code: 550 });
    expect(faults.take('carol@example.com')).toBeUndefined();
    for (let attempt = 0; attempt < 5; attempt += 1) expect(faults.take('bob@example.com')?.code).toBe(550);
    faults.clear();
    expect(faults.take('bob@example.com')).toBeUndefined();
  });
});
