import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningService } from '../service.ts';
import { createMailCatcher, startMailboxEmulator, startSmtpEmulator } from './index.ts';

// These start a private pair on free ports, so clearing everything here touches no other test.
const started: RunningService[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((service) => service.stop()));
});

async function startPair() {
  const catcher = createMailCatcher();
  const smtp = await startSmtpEmulator({ port: 0, catcher });
  const mailbox = await startMailboxEmulator({ port: 0, catcher });
  started.push(smtp, mailbox);
  const send = async (to: string) => {
    const transport = nodemailer.createTransport(smtp.env.SMTP_URL);
    await transport.sendMail({ from: 'a@example.com', to, subject: 'Hi', text: 'Hi' }).finally(() => transport.close());
  };
  return { smtp, mailbox, send, url: (path: string) => `${mailbox.env.PLAZA_MAILBOX_URL}${path}` };
}

describe('the SMTP stand-in and its mailbox', () => {
  it('exports the variables clients read, on the ports actually bound', async () => {
    const { smtp, mailbox } = await startPair();
    expect(smtp.env).toEqual({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    expect(mailbox.env).toEqual({ PLAZA_MAILBOX_URL: `http://127.0.0.1:${mailbox.port}` });
    expect(smtp.port).not.toBe(0);
  });

  it('DELETE /messages empties the mailbox, and reset() clears mail and faults', async () => {
    const { smtp, send, url } = await startPair();
    await send('ada@example.com');
    expect((await fetch(url('/messages'), { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(url('/messages'))).json()).toEqual({ messages: [] });

    await send('ada@example.com');
    await fetch(url('/faults'), { method: 'POST', body: JSON.stringify({ to: 'bob@example.com', code: 550 }) });
    await smtp.reset();
    expect(await (await fetch(url('/messages'))).json()).toEqual({ messages: [] });
    expect(await (await fetch(url('/faults'))).json()).toEqual({ faults: [] });
  });

  it('answers 405 with the allowed methods for a wrong method', async () => {
    const { url } = await startPair();
    const response = await fetch(url('/messages'), { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE');
    expect(await response.json()).toMatchObject({ code: 'method-not-allowed' });
  });

  it('stops idempotently and releases its port', async () => {
    const { smtp } = await startPair();
    await Promise.all([smtp.stop(), smtp.stop()]);
    const again = await startSmtpEmulator({ port: smtp.port });
    started.push(again);
    expect(again.port).toBe(smtp.port);
  });
});
