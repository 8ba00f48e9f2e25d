import { emailChanged, type ApplyActionRequest, type ApplyActionResponse } from '@plaza/contracts';
import { runUseCase, type Logger } from '@plaza/runtime';
import { profilesRepository } from '../profiles/profiles-repository.ts';
import { invalidActionCode, withToolkitProblems } from './action-code-problems.ts';
import { authAccounts } from './auth-accounts.ts';
import { identityToolkit, requestTypes } from './identity-toolkit.ts';
import { assertPasswordPolicy } from './password-policy-problem.ts';
import { signOutEverywhere } from '../sessions/sign-out-everywhere.ts';

/**
 * Applies the code of an action link the dashboard posts back. The code is inspected first: it
 * must be of the kind the page says (a reset code posted as verifyEmail is refused, not used),
 * the new password is checked against the policy with the account's address, and an email
 * change learns the previous address, which the notice goes to.
 */
export async function applyActionCode(request: ApplyActionRequest, logger: Logger): Promise<ApplyActionResponse> {
  const code = await withToolkitProblems(() => identityToolkit.inspectCode(request.oobCode));
  const mode = code.requestType ? requestTypes[code.requestType as keyof typeof requestTypes] : undefined;
  if (mode !== request.mode || !code.email) throw invalidActionCode();
  const email = code.email;

  switch (request.mode) {
    case 'verifyEmail':
      await withToolkitProblems(() => identityToolkit.applyEmailCode(request.oobCode));
      return { mode: request.mode, email, applied: true };

    case 'resetPassword': {
      if (request.newPassword === undefined) return { mode: request.mode, email, applied: false };
      assertPasswordPolicy(request.newPassword, email);
      const { newPassword } = request;
      await withToolkitProblems(() => identityToolkit.resetPassword(request.oobCode, newPassword));
      // Whoever knew the old password is signed out everywhere (Firebase does this too; we do
      // not rely on it).
      const account = await authAccounts.findByEmail(email);
      if (account) await signOutEverywhere(account.uid);
      return { mode: request.mode, email, applied: true };
    }

    case 'verifyAndChangeEmail': {
      const newEmail = code.newEmail;
      if (!newEmail) throw invalidActionCode();
      await withToolkitProblems(() => identityToolkit.applyEmailCode(request.oobCode));
      await recordEmailChange(email, newEmail, logger);
      return { mode: request.mode, email: newEmail, applied: true };
    }
  }
}

/**
 * After Firebase moved the account: the profile's copy of the address and emailChanged, in one
 * transaction. Firebase Auth and Firestore cannot share a transaction; if the process dies in
 * between, the change stands and the notice is lost (docs/adr, "Action codes are applied by the API").
 */
async function recordEmailChange(previousEmail: string, newEmail: string, logger: Logger): Promise<void> {
  const account = await authAccounts.findByEmail(newEmail);
  if (!account) throw new Error(`The account moved to ${newEmail} is not found there`);
  const { uid } = account;
  await runUseCase(
    async ({ tx, emit }) => {
      const profile = await profilesRepository.findIn(tx, uid);
      if (profile) await profilesRepository.saveIn(tx, { ...profile, email: newEmail });
      const displayName = profile?.displayName ?? account.displayName ?? null;
      emit(emailChanged, { uid, previousEmail, newEmail, displayName }, { subject: `users/${uid}` });
    },
    { logger },
  );
}
