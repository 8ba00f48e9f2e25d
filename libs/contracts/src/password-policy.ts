/**
 * Plaza's password policy, one copy for the API (which enforces it wherever it sets a password)
 * and the dashboard (which checks as the person types, before asking Firebase to sign them up).
 * Length does the real work; the class rule stops the weakest all-letters or all-digits choices,
 * and the email rule the most guessable word of all.
 */
export const passwordPolicy = {
  minLength: 10,
  maxLength: 128,
  /** Local parts shorter than this are too common to forbid inside a password (`al@`, `jo@`). */
  minEmailNameLength: 3,
} as const;

export type PasswordRule = 'too_short' | 'too_long' | 'needs_letter' | 'needs_digit_or_symbol' | 'contains_email_name';

export interface PasswordIssue {
  rule: PasswordRule;
  /** Reads after "The password …", e.g. "must be at least 10 characters long". */
  message: string;
}

export interface PasswordContext {
  /** The account's address; its local part may not appear in the password. */
  email?: string | null;
}

/**
 * Everything wrong with a password, in a stable order; empty when it passes. Length counts
 * Unicode code points, as a person counts characters, not UTF-16 units.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length;
  if (length < passwordPolicy.minLength) {
    issues.push({ rule: 'too_short', message: `must be at least ${passwordPolicy.minLength} characters long` });
  }
  if (length > passwordPolicy.maxLength) {
    issues.push({ rule: 'too_long', message: `must be at most ${passwordPolicy.maxLength} characters long` });
  }
  if (!/\p{L}/u.test(password)) {
    issues.push({ rule: 'needs_letter', message: 'must contain a letter' });
  }
  if (!/[^\p{L}]/u.test(password)) {
    issues.push({ rule: 'needs_digit_or_symbol', message: 'must contain a digit, a space or a symbol' });
  }
  const name = emailName(context.email);
  if (name && password.toLowerCase().includes(name)) {
    issues.push({ rule: 'contains_email_name', message: `must not contain your email's name ("${name}")` });
  }
  return issues;
}

/** One sentence for a problem's detail or a form: "The password must …, and must …". */
export function describePasswordIssues(issues: readonly Pick<PasswordIssue, 'message'>[]): string {
  return `The password ${issues.map(({ message }) => message).join(', and ')}.`;
}

/** The policy in words, for forms and the API reference. */
export const passwordPolicyDescription =
  `${passwordPolicy.minLength} to ${passwordPolicy.maxLength} characters, with at least one letter and at least ` +
  `one digit, space or symbol, and not containing the part of your email address before the @.`;

function emailName(email: string | null | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 1) return undefined;
  const name = email.slice(0, at).toLowerCase();
  return [...name].length >= passwordPolicy.minEmailNameLength ? name : undefined;
}
