import { DeliveryFaults } from './delivery-faults.ts';
import { MailStore } from './mail-store.ts';

/**
 * What the SMTP listener and the mailbox API share: the caught mail and the armed faults.
 * They are two services on two ports (SMTP speaks first on a connection and HTTP never does, so
 * one port cannot serve both without guessing from silence), started side by side by the launcher.
 */
export interface MailCatcher {
  readonly store: MailStore;
  readonly faults: DeliveryFaults;
}

export function createMailCatcher(capacity?: number): MailCatcher {
  return { store: new MailStore(capacity), faults: new DeliveryFaults() };
}

const catcherKey = 'smtp.mail-catcher';

/** The one catcher of a launch, created by whichever of the two services starts first. */
export function mailCatcherOf(shared: Map<string, unknown>): MailCatcher {
  let catcher = shared.get(catcherKey) as MailCatcher | undefined;
  if (!catcher) {
    catcher = createMailCatcher();
    shared.set(catcherKey, catcher);
  }
  return catcher;
}
