import { identityModule } from '@plaza/identity';
import { mailerModule } from '@plaza/mailer';
import { notificationsModule } from '@plaza/notifications';
import type { PlazaModule } from '@plaza/runtime';
import { telegramModule } from '@plaza/telegram';
import { widgetsModule } from '@plaza/widgets';

/** Every module of the platform; the gateway serves each one in-process or forwards it. */
export const platformModules: readonly PlazaModule[] = [identityModule, notificationsModule, mailerModule, widgetsModule, telegramModule];
