interface MailboxMessage {
  subject: string;
  links: string[];
}

/** Waits for a mail to `to` in the SMTP stand-in's mailbox and returns its first dashboard action link. */
export async function actionLinkMailedTo(mailboxUrl: string, to: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { messages } = (await (await fetch(`${mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as { messages: MailboxMessage[] };
    const link = messages.flatMap((message) => message.links).find((candidate) => candidate.includes('/auth/action'));
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No action link reached ${to} within ${timeoutMs} ms`);
}
