import { renderEmail, type EmailContent } from './email-content.ts';

export interface VerificationEmailInput {
  displayName: string | null;
  actionUrl: string;
}

export function verificationEmail({ displayName, actionUrl }: VerificationEmailInput): EmailContent {
  return renderEmail({
    subject: 'Verify your email address for Plaza',
    greetingName: displayName,
    paragraphs: ['Please confirm that this is your email address, so you can use everything Plaza offers.'],
    action: { label: 'Verify my email address', url: actionUrl },
    footnotes: ['If you did not sign up for Plaza, you can ignore this email.'],
  });
}
