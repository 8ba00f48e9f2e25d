import type { CaughtMessage } from './mail-store.ts';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A bare page of the newest mail, so a developer running `npm start` can click the links. */
export function renderMailboxPage(messages: readonly CaughtMessage[]): string {
  const rows = messages.map(
    (message) => `<article>
  <h2>${escapeHtml(message.subject || '(no subject)')}</h2>
  <p><small>${escapeHtml(message.receivedAt)} · from ${escapeHtml(message.from)} · to ${escapeHtml(message.to.join(', '))} · <a href="/messages/${escapeHtml(message.id)}">json</a></small></p>
  <pre>${escapeHtml(message.text)}</pre>
  ${message.links.length > 0 ? `<ul>${message.links.map((link) => `<li><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`).join('')}</ul>` : ''}
</article>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plaza mailbox</title>
<style>body{font:14px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style>
</head><body>
<h1>Plaza mailbox</h1>
<p>Mail caught by the local SMTP stand-in, newest first (${messages.length}). Reload to refresh.</p>
${rows.join('\n') || '<p>No mail yet.</p>'}
</body></html>`;
}
