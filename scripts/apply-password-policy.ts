import { passwordPolicy } from '@plaza/contracts';
import { fileURLToPath } from 'node:url';

/**
 * Identity Platform's own password policy, so that sign-ups through the Firebase client SDK (which
 * never pass through Plaza's API) are held to Plaza's length rule too. The Pulumi GCP provider
 * cannot set it (identityplatform.Config has no passwordPolicyConfig), so release.yml applies it
 * after `pulumi up` through the Admin API. The class and email rules, which Identity Platform
 * cannot express, are enforced by the API wherever it sets a password and by the dashboard.
 */
export function passwordPolicyConfig() {
  return {
    passwordPolicyEnforcementState: 'ENFORCE',
    // Existing passwords keep working; the policy applies whenever a password is set.
    forceUpgradeOnSignin: false,
    passwordPolicyVersions: [
      { customStrengthOptions: { minPasswordLength: passwordPolicy.minLength, maxPasswordLength: passwordPolicy.maxLength } },
    ],
  };
}

export interface ApplyPasswordPolicyOptions {
  readonly project: string;
  readonly accessToken: string;
  /** Where the Identity Toolkit Admin API lives; a stand-in in tests. */
  readonly apiRoot?: string;
}

export async function applyPasswordPolicy({ project, accessToken, apiRoot = 'https://identitytoolkit.googleapis.com' }: ApplyPasswordPolicyOptions) {
  const url = new URL(`/admin/v2/projects/${encodeURIComponent(project)}/config`, apiRoot);
  url.searchParams.set('updateMask', 'passwordPolicyConfig');
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ passwordPolicyConfig: passwordPolicyConfig() }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`Identity Platform refused the password policy: ${response.status} ${body.slice(0, 500)}`);
  return JSON.parse(body) as { passwordPolicyConfig?: unknown };
}

// `node --import tsx scripts/apply-password-policy.ts <project>`: release.yml, after `pulumi up`,
// with the deployer's Workload Identity credentials.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [project] = process.argv.slice(2);
  if (!project) {
    console.error('usage: apply-password-policy.ts <project id>');
    process.exit(2);
  }
  const { GoogleAuth } = await import('google-auth-library');
  const accessToken = await new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] }).getAccessToken();
  if (!accessToken) throw new Error('no Google access token: run after google-github-actions/auth');
  await applyPasswordPolicy({ project, accessToken }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(`password policy applied to ${project}: at least ${passwordPolicy.minLength} characters`);
}
