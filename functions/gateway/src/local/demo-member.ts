import { firebaseAuth } from '@plaza/runtime';

/**
 * A member to sign in as, so a newcomer can walk the whole slice on a fresh `npm start`: the
 * first `/api/v1/me` registers her, and the welcome notification follows through the events.
 * Only the Auth account is seeded; everything else is made by Plaza's own code paths.
 */
export const demoMember = { uid: 'demo-ada', email: 'ada@plaza.test', password: 'plaza-local', displayName: 'Ada Lovelace' } as const;

export async function createDemoMember(): Promise<void> {
  const auth = await firebaseAuth();
  await auth.createUser({ ...demoMember, emailVerified: true }).catch((error: { code?: string }) => {
    // A suite started with data from an earlier session may already have her.
    if (error.code !== 'auth/uid-already-exists' && error.code !== 'auth/email-already-exists') throw error;
  });
}

/** Shell lines that sign in as the demo member and call the API through the one local URL. */
export function demoMemberWalkthrough(url: string, authEmulatorHost: string): string {
  const signIn = `http://${authEmulatorHost}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=local`;
  const body = JSON.stringify({ email: demoMember.email, password: demoMember.password, returnSecureToken: true });
  return [
    `# Try it as ${demoMember.displayName} (${demoMember.email} / ${demoMember.password}):`,
    `#   TOKEN=$(curl -s '${signIn}' -H 'content-type: application/json' -d '${body}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).idToken')`,
    `#   curl -s ${url}/api/v1/me -H "Authorization: Bearer $TOKEN"             # registers her`,
    `#   curl -s ${url}/api/v1/notifications -H "Authorization: Bearer $TOKEN"  # her welcome, via the outbox and Pub/Sub`,
  ].join('\n');
}
