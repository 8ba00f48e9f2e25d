/** The linked user's profile as /me shows it (identity's ProfileSummary). */
export interface LinkedProfile {
  readonly username: string | null;
  readonly displayName: string | null;
  readonly bio: string | null;
  readonly createdAt: string;
}

/**
 * Identity's read-only query, imported on first use: the bundle keeps it, but a cold start that
 * only answers /help never evaluates identity's module.
 */
export async function readLinkedProfile(uid: string): Promise<LinkedProfile | undefined> {
  const { findProfileSummary } = await import('@plaza/identity');
  const profile = await findProfileSummary(uid);
  return profile && !profile.disabled ? profile : undefined;
}
