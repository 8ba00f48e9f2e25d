import type { PubSub } from '@google-cloud/pubsub';
import type { EventDefinition } from '@plaza/contracts';
import { defineConsumer, firestore, type Consumer } from '@plaza/runtime';
import type { Firestore } from 'firebase-admin/firestore';
import { deliverOnce, messageIdFor } from './deliver-once.ts';
import { mailDeliveryLedger } from './mail-delivery-ledger.ts';
import { smtpTransport } from './mail-transport.ts';
import { mailerConfigFromEnvironment, type MailerConfig } from './mailer-config.ts';
import type { EmailContent } from './templates/index.ts';

/** What the mailer's consumers run against; production takes every default, tests pass their own project. */
export interface MailerDependencies {
  readonly firestore?: () => Promise<Firestore>;
  readonly pubsub?: () => Promise<PubSub>;
  readonly config?: () => MailerConfig;
}

export interface MailConsumerDefinition<T> {
  /** The subscription's name in libs/contracts/src/subscriptions.ts. */
  readonly name: string;
  readonly event: EventDefinition<T>;
  /** The mail the event asks for, or null when there is nobody to write to. */
  compose(data: T, config: MailerConfig): { to: string; content: EmailContent } | null;
}

/** A push consumer that turns one event into at most one mail. */
export function defineMailConsumer<T>(definition: MailConsumerDefinition<T>, dependencies: MailerDependencies = {}): Consumer {
  const deliveries = mailDeliveryLedger(dependencies.firestore ?? firestore);
  const config = dependencies.config ?? mailerConfigFromEnvironment;
  return defineConsumer({
    name: definition.name,
    event: definition.event,
    ...(dependencies.firestore ? { firestore: dependencies.firestore } : {}),
    ...(dependencies.pubsub ? { pubsub: dependencies.pubsub } : {}),
    async handle({ event, logger }) {
      const settings = config();
      const mail = definition.compose(event.data, settings);
      if (!mail) {
        logger.info('the event names no address; no mail to send');
        return;
      }
      await deliverOnce({
        eventId: event.id,
        consumer: definition.name,
        mail: { from: settings.MAIL_FROM, to: mail.to, messageId: messageIdFor(event.id), ...mail.content },
        deliveries,
        transport: smtpTransport(settings.SMTP_URL),
        logger,
      });
    },
  });
}
