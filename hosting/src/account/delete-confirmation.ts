/** What the member types to confirm a deletion: their address, else their username. */
export function confirmationPhrase(me: { email: string | null; username: string | null }): string {
  return me.email ?? me.username ?? 'delete my account';
}

/** Whether what was typed confirms it (spaces around and letter case do not matter). */
export function confirmationMatches(typed: string, phrase: string): boolean {
  return typed.trim().toLowerCase() === phrase.trim().toLowerCase();
}
