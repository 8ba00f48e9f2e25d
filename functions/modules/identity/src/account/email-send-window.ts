/**
 * How much account mail one address may receive: at most 2 a minute, counted across all
 * instances (the per-address record lives in Firestore) and across the kinds of mail that anyone
 * can trigger (verification, password reset, email-change confirmation), so nobody can flood an
 * inbox by alternating between them.
 */
export const emailSendLimit = { limit: 2, windowMs: 60_000 } as const;

export type EmailSendDecision =
  | { admitted: true; sentAt: number[] }
  | { admitted: false; retryAfterSeconds: number };

/**
 * A sliding window over the recent send times (epoch ms): admitted, with the times to store
 * (this one added, the expired ones dropped), or refused with when to try again.
 */
export function decideEmailSend(
  previous: readonly number[],
  now: number,
  { limit, windowMs }: { limit: number; windowMs: number } = emailSendLimit,
): EmailSendDecision {
  const recent = previous.filter((time) => time > now - windowMs && time <= now).sort((a, b) => a - b);
  if (recent.length < limit) return { admitted: true, sentAt: [...recent, now] };
  // The oldest send that still counts leaves the window first.
  const oldest = recent[recent.length - limit] ?? now;
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
}
