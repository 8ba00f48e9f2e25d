import { checkPassword, describePasswordIssues, type PasswordIssue } from '@plaza/contracts';
import { ProblemError } from '@plaza/runtime';

/**
 * A 400 `validation_failed` naming `body.newPassword` once per broken rule of the policy
 * (@plaza/contracts' password-policy.ts), with the whole story in `detail`.
 */
export function assertPasswordPolicy(password: string, email: string | null, extra: readonly Pick<PasswordIssue, 'message'>[] = []): void {
  const issues = [...checkPassword(password, { email }), ...extra];
  if (issues.length === 0) return;
  throw new ProblemError(400, 'validation_failed', describePasswordIssues(issues), {
    errors: issues.map(({ message }) => ({ path: 'body.newPassword', message })),
  });
}
