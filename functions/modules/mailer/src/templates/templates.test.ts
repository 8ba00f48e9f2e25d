import { describe, expect, it } from 'vitest';
import type { EmailContent } from './email-content.ts';
import { emailChangeConfirmEmail, emailChangedNoticeEmail, passwordResetEmail, verificationEmail, welcomeEmail } from './index.ts';

const actionUrl = 'http://127.0.0.1:5000/auth/action?mode=verifyEmail&oobCode=abc';
const hostile = `<script>alert("x")</script>`;
const appUrl = 'http://127.0.0.1:5000';

const templates: [string, (name: string | null) => EmailContent, string, string][] = [
  ['verification', (displayName) => verificationEmail({ displayName, actionUrl }), 'Verify your email address for Plaza', actionUrl],
  ['password reset', (displayName) => passwordResetEmail({ displayName, actionUrl }), 'Reset your Plaza password', actionUrl],
  [
    'email change confirmation',
    (displayName) => emailChangeConfirmEmail({ displayName, currentEmail: 'old@example.com', newEmail: 'new@example.com', actionUrl }),
    'Confirm your new email address for Plaza',
    actionUrl,
  ],
  [
    'email changed notice',
    (displayName) => emailChangedNoticeEmail({ displayName, previousEmail: 'old@example.com', newEmail: 'new@example.com', appUrl }),
    'Your Plaza email address was changed',
    appUrl,
  ],
  ['welcome', (displayName) => welcomeEmail({ displayName, appUrl }), 'Welcome to Plaza', appUrl],
];

describe.each(templates)('the %s email', (_name, render, subject, link) => {
  it('has its subject, greets by name, and carries the link in both parts', () => {
    const mail = render('Ada');
    expect(mail.subject).toBe(subject);
    expect(mail.text).toMatch(/^Hi Ada,\n\n/);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    expect(mail.html).toContain('Hi Ada,');
  });

  it('greets someone without a name', () => {
    expect(render(null).text).toMatch(/^Hi there,/);
    expect(render('   ').text).toMatch(/^Hi there,/);
  });

  it('escapes a hostile name in the HTML and keeps it verbatim in the text', () => {
    const mail = render(hostile);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain(hostile);
  });
});

describe('addresses and links in the HTML', () => {
  it('escapes interpolated addresses and a link that tries to break out of its attribute', () => {
    const mail = emailChangeConfirmEmail({
      displayName: null,
      currentEmail: '"<b>"@example.com',
      newEmail: 'new@example.com',
      actionUrl: 'https://plaza.example/a?x="><img src=x>',
    });
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&quot;&lt;b&gt;&quot;@example.com');
    expect(mail.html).toContain('href="https://plaza.example/a?x=&quot;&gt;&lt;img src=x&gt;"');
  });

  it('tells the previous address both addresses and what to do if it was not them', () => {
    const mail = emailChangedNoticeEmail({ displayName: 'Ada', previousEmail: 'old@example.com', newEmail: 'new@example.com', appUrl });
    expect(mail.text).toContain('from old@example.com to new@example.com');
    expect(mail.text).toContain("This wasn't you?");
  });

  it('tells the new address which change it confirms', () => {
    const mail = emailChangeConfirmEmail({ displayName: 'Ada', currentEmail: 'old@example.com', newEmail: 'new@example.com', actionUrl });
    expect(mail.text).toContain('from old@example.com to new@example.com');
  });
});
