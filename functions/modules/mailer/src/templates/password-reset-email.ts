import { renderEmail, type EmailContent } from './email-content.ts';

export interface PasswordResetEmailInput {
  displayName: string | null;
  actionUrl: string;
}

export function passwordResetEmail({ displayName, actionUrl }: PasswordResetEmailInput): EmailContent {
  return renderEmail({
    subject: 'Reset your Plaza password',
    greetingName: displayName,
    paragraphs: ['Someone asked to reset the password of your Plaza account. Choose a new one with the link below.'],
    action: { label: 'Choose a new password', url: actionUrl },
    footnotes: ['If you did not ask for this, ignore this email: your password stays as it is.'],
  });
}
