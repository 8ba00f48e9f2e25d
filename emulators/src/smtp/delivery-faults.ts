/** An SMTP reply code the stand-in answers a recipient with: 4xx is transient, 5xx permanent. */
export type FaultCode = 421 | 450 | 451 | 452 | 550 | 551 | 552 | 553 | 554;
export const faultCodes: readonly FaultCode[] = [421, 450, 451, 452, 550, 551, 552, 553, 554];

export interface DeliveryFault {
  to: string;
  code: FaultCode;
  /** Replies left before delivery works again; undefined fails every attempt until cleared. */
  remaining?: number;
}

const replyTexts: Readonly<Record<FaultCode, string>> = {
  421: 'Service not available, try again later (injected fault)',
  450: 'Mailbox unavailable, try again later (injected fault)',
  451: 'Local error in processing, try again later (injected fault)',
  452: 'Insufficient system storage, try again later (injected fault)',
  550: 'Mailbox unavailable (injected fault)',
  551: 'User not local (injected fault)',
  552: 'Exceeded storage allocation (injected fault)',
  553: 'Mailbox name not allowed (injected fault)',
  554: 'Transaction failed (injected fault)',
};

/** Failures that tests arm per recipient, so a client's retry and dead-letter paths run for real. */
export class DeliveryFaults {
  readonly #byRecipient = new Map<string, DeliveryFault>();

  arm(fault: DeliveryFault): void {
    this.#byRecipient.set(normalizeAddress(fault.to), { ...fault, to: normalizeAddress(fault.to) });
  }

  /** The reply a delivery attempt to this recipient gets now, counting the attempt; undefined if it may pass. */
  take(recipient: string): { code: FaultCode; message: string } | undefined {
    const address = normalizeAddress(recipient);
    const fault = this.#byRecipient.get(address);
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.#byRecipient.delete(address);
    }
    return { code: fault.code, message: replyTexts[fault.code] };
  }

  list(): DeliveryFault[] {
    return [...this.#byRecipient.values()].map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#byRecipient.clear();
  }
}

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}
