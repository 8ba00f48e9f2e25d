import { deployables, moduleDeployments, subscriptions, type Deployable } from '@plaza/contracts';
import type { Declarations } from '../service-plan.ts';
import { testConfig } from './stack-config.ts';

/** The modules moved out in the split topology the tests deploy. */
export const splitConfig = () =>
  testConfig({ 'plaza:splitModules': { notifications: { minInstances: 1, maxInstances: 3 }, mailer: {} } });

/**
 * The declarations plus a public Cloud Function shaped like the Telegram webhook issue #5 will add,
 * so the Cloud Functions path is exercised before a real function exists. Test data only: the
 * program deploys `deployables` from libs/contracts, which has no function yet.
 */
export const withWebhookFunction = (source: string): Declarations => ({
  modules: moduleDeployments,
  subscriptions,
  deployables: [
    ...deployables,
    {
      kind: 'cloud-function',
      name: 'telegram-webhook',
      access: 'public',
      workspace: 'functions/telegram-webhook',
      source,
      entryPoint: 'telegramWebhook',
      settings: [],
      secrets: { TELEGRAM_BOT_TOKEN: 'telegram-bot-token', TELEGRAM_WEBHOOK_SECRET: 'telegram-webhook-secret' },
      projectRoles: [],
    } satisfies Deployable,
  ],
});
