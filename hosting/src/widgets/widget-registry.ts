import type { Permission } from '@plaza/contracts';
import type { ComponentType } from 'react';
import { AccountWidget } from './account-widget.tsx';
import { InboxWidget } from './inbox-widget.tsx';
import { WeatherWidget } from './weather-widget.tsx';

export interface WidgetDefinition {
  id: string;
  title: string;
  /** Shown only to members holding it. */
  permission?: Permission;
  Widget: ComponentType;
}

/** The home board, in order. Feed, notes and stats widgets slot in here as their modules land. */
export const widgets: readonly WidgetDefinition[] = [
  { id: 'account', title: 'Your account', Widget: AccountWidget },
  { id: 'weather', title: 'Weather', Widget: WeatherWidget },
  { id: 'inbox', title: 'Inbox', permission: 'notifications:read:self', Widget: InboxWidget },
];
