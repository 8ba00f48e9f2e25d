/**
 * How long a link token has left, as a person reads it: "9 min 05 s left", "45 s left", or
 * "Expired" once the time has passed.
 */
export function expiryText(expiresAt: string | number | Date, now: number): string {
  const left = Math.ceil((new Date(expiresAt).getTime() - now) / 1000);
  if (!Number.isFinite(left) || left <= 0) return 'Expired';
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return minutes > 0 ? `${minutes} min ${String(seconds).padStart(2, '0')} s left` : `${seconds} s left`;
}

/** Whether the moment has passed. */
export function isExpired(expiresAt: string | number | Date, now: number): boolean {
  return new Date(expiresAt).getTime() <= now;
}
