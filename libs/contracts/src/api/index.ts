export { MeResponse } from './me.ts';
export { NotificationItem, NotificationList } from './notifications.ts';
