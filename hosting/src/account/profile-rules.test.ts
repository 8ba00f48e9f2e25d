import * as contracts from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { bioMaxLength, displayNameMaxLength, usernamePattern } from './profile-rules.ts';

describe('profile rules', () => {
  it('are the ones the API enforces', () => {
    expect(usernamePattern.source).toBe(contracts.usernamePattern.source);
    expect(bioMaxLength).toBe(contracts.bioMaxLength);
    expect(contracts.DisplayName.safeParse('x'.repeat(displayNameMaxLength)).success).toBe(true);
    expect(contracts.DisplayName.safeParse('x'.repeat(displayNameMaxLength + 1)).success).toBe(false);
  });
});
