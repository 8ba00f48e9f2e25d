import { identityModule } from '@plaza/identity';
import { mailerModule } from '@plaza/mailer';
import { notificationsModule } from '@plaza/notifications';
import type { PlazaModule } from '@plaza/runtime';

/** Every module of the platform; the gateway serves each one in-process or forwards it. */
export const platformModules: readonly PlazaModule[] = [identityModule, notificationsModule, mailerModule];
