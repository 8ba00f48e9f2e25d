import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { failDelivery, listMail, waitForMail } from '../../src/testing/index.ts';

// The suite is shared by every test file of a run, in parallel: each test mails its own address
// and never clears the mailbox or the faults of others.
const uniqueAddress = (label: string): string => `${label}-${randomUUID().slice(0, 8)}@example.com`;
const smtpUrl = (): string => {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set: run through `vitest --project emulators:conformance`');
  return url;
};
const mailboxUrl = (path: string): string => new URL(path, process.env.PLAZA_MAILBOX_URL).toString();

async function send(to: string, extra: Partial<SendMailOptions> = {}, url = smtpUrl()) {
  const transport = nodemailer.createTransport(url);
  try {
    return await transport.sendMail({ from: 'Plaza <no-reply@plaza.local>', to, subject: 'Hello', text: 'Hi', ...extra });
  } finally {
    transport.close();
  }
}

describe('SMTP stand-in with nodemailer', () => {
  it('catches a message and serves it parsed, with its links, through the mailbox API', async () => {
    const to = uniqueAddress('ada');
    const link = 'http://127.0.0.1:5000/auth/action?mode=verifyEmail&oobCode=abc123';
    const info = await send(to, {
      subject: 'Verify your email',
      text: `Open ${link} to verify.`,
      html: `<p><a href="${link.replace('&', '&amp;')}">Verify</a> or read https://plaza.example/help.</p>`,
      messageId: '<event-1@plaza>',
    });
    expect(info.accepted).toEqual([to]);

    const response = await fetch(mailboxUrl(`/messages?to=${encodeURIComponent(to.toUpperCase())}`));
    expect(response.status).toBe(200);
    const { messages } = (await response.json()) as { messages: Record<string, unknown>[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      from: 'Plaza <no-reply@plaza.local>',
      to: [to],
      subject: 'Verify your email',
      text: `Open ${link} to verify.`,
      messageId: '<event-1@plaza>',
      links: [link, 'https://plaza.example/help'],
    });
    expect(messages[0]?.html).toContain('<a href=');
    expect(Date.parse(String(messages[0]?.receivedAt))).not.toBeNaN();

    const byId = await fetch(mailboxUrl(`/messages/${String(messages[0]?.id)}`));
    expect(await byId.json()).toEqual(messages[0]);
  });

  it('lists a recipient\'s mail newest first and keeps other recipients\' mail apart', async () => {
    const to = uniqueAddress('order');
    await send(to, { subject: 'first' });
    await send(to, { subject: 'second' });
    await send(uniqueAddress('someone-else'), { subject: 'not yours' });
    expect((await listMail(to)).map((message) => message.subject)).toEqual(['second', 'first']);
  });

  it('accepts any credentials, so a production-shaped SMTP_URL works', async () => {
    const to = uniqueAddress('auth');
    const url = new URL(smtpUrl());
    url.username = 'mailer';
    url.password = 's3cret';
    await send(to, { subject: 'With credentials' }, url.toString());
    expect((await waitForMail({ to, subject: 'With credentials' })).to).toEqual([to]);
  });

  it('answers a problem+json 404 for an unknown message and an unknown route', async () => {
    const unknown = await fetch(mailboxUrl('/messages/no-such-id'));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(await unknown.json()).toMatchObject({ status: 404, code: 'message-not-found' });
    expect(await (await fetch(mailboxUrl('/nowhere'))).json()).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('serves a page of recent mail for developers, with the links clickable and escaped', async () => {
    const to = uniqueAddress('page');
    await send(to, { subject: '<b>Page</b> test', text: 'Go to https://plaza.example/page' });
    const page = await (await fetch(mailboxUrl('/'))).text();
    expect(page).toContain('&#60;b&#62;Page&#60;/b&#62; test');
    expect(page).toContain('<a href="https://plaza.example/page">');
  });
});

describe('injected delivery failures', () => {
  it('refuses a recipient with a transient 421 the given number of times, then delivers', async () => {
    const to = uniqueAddress('transient');
    await failDelivery({ to, code: 421, times: 2 });
    await expect(send(to)).rejects.toMatchObject({ code: 'EENVELOPE', responseCode: 421 });
    await expect(send(to)).rejects.toMatchObject({ responseCode: 421 });
    await send(to, { subject: 'Third time' });
    expect((await listMail(to)).map((message) => message.subject)).toEqual(['Third time']);
  });

  it('refuses a recipient with a permanent 550 on every attempt, and only that recipient', async () => {
    const to = uniqueAddress('permanent');
    const bystander = uniqueAddress('bystander');
    await failDelivery({ to, code: 550 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(send(to)).rejects.toMatchObject({ responseCode: 550 });
    }
    await send(bystander);
    expect(await listMail(to)).toEqual([]);
    expect(await listMail(bystander)).toHaveLength(1);
  });

  it('rejects a malformed fault with a problem+json naming the field', async () => {
    const response = await fetch(mailboxUrl('/faults'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: uniqueAddress('bad'), code: 200 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid-fault', detail: expect.stringContaining('code') });
    const notJson = await fetch(mailboxUrl('/faults'), { method: 'POST', body: '{' });
    expect(await notJson.json()).toMatchObject({ status: 400, code: 'invalid-json' });
  });
});

describe('waitForMail', () => {
  it('waits for mail sent after it started polling', async () => {
    const to = uniqueAddress('later');
    const since = Date.now();
    const waiting = waitForMail({ to, subject: /later/i, since });
    setTimeout(() => void send(to, { subject: 'Sent later' }), 200);
    expect((await waiting).subject).toBe('Sent later');
  });

  it('gives up after its timeout and says what the mailbox held', async () => {
    const to = uniqueAddress('never');
    await send(to, { subject: 'Something else' });
    await expect(waitForMail({ to, subject: 'Verify', timeoutMs: 300 })).rejects.toThrow(/No mail to .* within 300 ms \(the mailbox had "Something else"/);
  });
});
