import { renderEmail, type EmailContent } from './email-content.ts';

export interface EmailChangedNoticeEmailInput {
  displayName: string | null;
  previousEmail: string;
  newEmail: string;
  appUrl: string;
}

/** Sent to the PREVIOUS address, whose owner may not be the one who changed it. */
export function emailChangedNoticeEmail({ displayName, previousEmail, newEmail, appUrl }: EmailChangedNoticeEmailInput): EmailContent {
  return renderEmail({
    subject: 'Your Plaza email address was changed',
    greetingName: displayName,
    paragraphs: [
      `The email address of your Plaza account was changed from ${previousEmail} to ${newEmail}.`,
      'From now on, sign in and receive mail from Plaza at the new address.',
    ],
    action: { label: 'Open Plaza', url: appUrl },
    footnotes: [
      `This wasn't you? Someone else may have access to your account. Reply to this email or contact the Plaza team right away, and we will help you get it back.`,
    ],
  });
}
