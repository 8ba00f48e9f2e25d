/** Whether a failed send is worth retrying. */
export type SmtpFailureKind = 'transient' | 'permanent';

// nodemailer's error codes for failures that another attempt may not meet: the network, a
// timeout, or a server that went away. Authentication and configuration errors count as
// transient too: they are the operator's to fix, and until Pub/Sub gives up the mail can still go.
const transientErrorCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EAUTH', 'ENOAUTH', 'ECONFIG', 'ETLS']);
// Errors nodemailer raises before any server reply, about the message itself: resending the same message fails the same way.
const permanentErrorCodes = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXLIMIT', 'EMAXRECIPIENTS']);

/**
 * SMTP says it in the reply code (RFC 5321 §4.2.1): 4xx is a transient negative reply, 5xx a
 * permanent one. Without a reply code, nodemailer's error code decides; anything unknown is
 * retried, since Pub/Sub dead-letters it after the subscription's attempts anyway.
 */
export function classifySmtpFailure(error: unknown): SmtpFailureKind {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 600) {
    // An authentication refusal (530, 534, 535) is about our credentials, not the message.
    if (code === 'EAUTH') return 'transient';
    return responseCode >= 500 ? 'permanent' : 'transient';
  }
  if (typeof code === 'string' && permanentErrorCodes.has(code)) return 'permanent';
  if (typeof code === 'string' && transientErrorCodes.has(code)) return 'transient';
  return 'transient';
}
