import { renderEmail, type EmailContent } from './email-content.ts';

export interface EmailChangeConfirmEmailInput {
  displayName: string | null;
  currentEmail: string;
  newEmail: string;
  actionUrl: string;
}

/** Sent to the NEW address: the change happens only once its owner follows the link. */
export function emailChangeConfirmEmail({ displayName, currentEmail, newEmail, actionUrl }: EmailChangeConfirmEmailInput): EmailContent {
  return renderEmail({
    subject: 'Confirm your new email address for Plaza',
    greetingName: displayName,
    paragraphs: [
      `You asked to change the email address of your Plaza account from ${currentEmail} to ${newEmail}.`,
      'The change takes effect once you confirm it with the link below.',
    ],
    action: { label: 'Confirm my new email address', url: actionUrl },
    footnotes: ['If you did not ask for this, ignore this email: nothing changes without your confirmation.'],
  });
}
