import { renderEmail, type EmailContent } from './email-content.ts';

export interface WelcomeEmailInput {
  displayName: string | null;
  appUrl: string;
}

export function welcomeEmail({ displayName, appUrl }: WelcomeEmailInput): EmailContent {
  return renderEmail({
    subject: 'Welcome to Plaza',
    greetingName: displayName,
    paragraphs: ['Your Plaza account is ready. Post, comment, follow people and chat: your community is waiting.'],
    action: { label: 'Open Plaza', url: appUrl },
  });
}
