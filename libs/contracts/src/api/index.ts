export { MeResponse } from './me.ts';
export {
  ActionMode,
  ApplyActionRequest,
  ApplyActionResponse,
  ChangeEmailRequest,
  ChangePasswordRequest,
  PasswordResetRequest,
} from './account.ts';
export {
  AccessState,
  AccountDeletion,
  AdminUser,
  AdminUserList,
  AssignableRole,
  AuditAction,
  AuditEntry,
  AuditList,
  AuditPerson,
  assignableRoles,
  auditActions,
} from './admin.ts';
export {
  AvatarUrl,
  Bio,
  DisplayName,
  PublicProfile,
  UpdateProfileRequest,
  UserList,
  Username,
  UsernameAvailability,
  usernameUnavailableReasons,
} from './profiles.ts';
export { avatarUrlMaxLength, bioMaxLength, displayNameMaxLength, usernamePattern } from './profile-limits.ts';
export { NotificationItem, NotificationList, UnreadCount, UpdateNotificationRequest, notificationStreamEvents } from './notifications.ts';
export { CreateSessionRequest, CsrfTokenResponse, PermissionCheckQuery, PermissionCheckResponse, SessionResponse } from './sessions.ts';
export { TelegramLinkStart, TelegramLinkStatus, UpdateTelegramLinkRequest } from './telegram.ts';
export { WeatherCondition, WeatherHour, WeatherLocation, WeatherNow, WeatherWidget } from './widgets.ts';
