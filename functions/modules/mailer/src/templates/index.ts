export { type EmailContent } from './email-content.ts';
export { emailChangeConfirmEmail } from './email-change-confirm-email.ts';
export { emailChangedNoticeEmail } from './email-changed-notice-email.ts';
export { passwordResetEmail } from './password-reset-email.ts';
export { verificationEmail } from './verification-email.ts';
export { welcomeEmail } from './welcome-email.ts';
