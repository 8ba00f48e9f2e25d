import { describe, expect, it } from 'vitest';
import { checkPassword, describePasswordIssues, passwordPolicy } from './password-policy.ts';

const rules = (password: string, email?: string) => checkPassword(password, { email }).map(({ rule }) => rule);

describe('checkPassword', () => {
  it('accepts long passwords with a letter and something else', () => {
    expect(rules('correct horse battery staple')).toEqual([]);
    expect(rules('tr0ub4dor&3x')).toEqual([]);
    expect(rules('ÄÖÜäöüß-2024')).toEqual([]);
  });

  it('asks for 10 to 128 characters, counting code points', () => {
    expect(rules('abc123def')).toEqual(['too_short']);
    expect(rules('abc123defg')).toEqual([]);
    expect(rules(`a1${'x'.repeat(passwordPolicy.maxLength - 2)}`)).toEqual([]);
    expect(rules(`a1${'x'.repeat(passwordPolicy.maxLength - 1)}`)).toEqual(['too_long']);
    // Nine emoji are 18 UTF-16 units but nine characters; with a letter they are still too short.
    expect(rules(`a${'🙂'.repeat(8)}`)).toEqual(['too_short']);
  });

  it('refuses a single character class', () => {
    expect(rules('onlyletterswithoutanything')).toEqual(['needs_digit_or_symbol']);
    expect(rules('12345678901234')).toEqual(['needs_letter']);
    expect(rules('!!!!????####')).toEqual(['needs_letter']);
  });

  it("refuses the email's local part, in any case, when it is long enough to matter", () => {
    expect(rules('my-Ada.Lovelace-1815', 'ada.lovelace@plaza.test')).toEqual(['contains_email_name']);
    expect(rules('ada-loves-1815-math', 'ada@plaza.test')).toEqual(['contains_email_name']);
    expect(rules('al-loves-1815-math', 'al@plaza.test')).toEqual([]);
    expect(rules('ada-loves-1815-math', null as unknown as undefined)).toEqual([]);
  });

  it('lists every issue, and says them in one sentence', () => {
    const issues = checkPassword('adaada', { email: 'ada@plaza.test' });
    expect(issues.map(({ rule }) => rule)).toEqual(['too_short', 'needs_digit_or_symbol', 'contains_email_name']);
    expect(describePasswordIssues(issues)).toBe(
      'The password must be at least 10 characters long, and must contain a digit, a space or a symbol, ' +
        'and must not contain your email\'s name ("ada").',
    );
  });
});
