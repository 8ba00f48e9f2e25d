import { escapeHtml } from './escape-html.ts';

/** One rendered mail: what the recipient sees, in plain text and HTML. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailLayout {
  subject: string;
  greetingName: string | null;
  /** Paragraphs of plain text; each is escaped for the HTML part. */
  paragraphs: readonly string[];
  action?: { label: string; url: string };
  /** Smaller print under the action, e.g. why the mail was sent or what to do if it was not you. */
  footnotes?: readonly string[];
}

/**
 * Both parts of a mail from the same words, so they never drift apart. Every interpolated value
 * is escaped in the HTML part; the text part carries the link as a bare URL, which mail clients
 * make clickable.
 */
export function renderEmail(layout: EmailLayout): EmailContent {
  const greeting = `Hi ${layout.greetingName?.trim() || 'there'},`;
  const text = [
    greeting,
    ...layout.paragraphs,
    ...(layout.action ? [`${layout.action.label}: ${layout.action.url}`] : []),
    ...(layout.footnotes ?? []),
    '— Plaza',
  ].join('\n\n');

  const paragraph = (content: string, style = 'margin:0 0 16px'): string => `<p style="${style}">${content}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font:16px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;color:#1d1d1f">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
${paragraph(escapeHtml(greeting))}
${layout.paragraphs.map((text) => paragraph(escapeHtml(text))).join('\n')}
${
  layout.action
    ? `${paragraph(`<a href="${escapeHtml(layout.action.url)}" style="display:inline-block;background:#3b5bdb;color:#fff;text-decoration:none;padding:12px 20px;border-radius:6px">${escapeHtml(layout.action.label)}</a>`)}
${paragraph(`Or paste this link into your browser:<br><span style="word-break:break-all">${escapeHtml(layout.action.url)}</span>`, 'margin:0 0 16px;font-size:13px;color:#555')}`
    : ''
}
${(layout.footnotes ?? []).map((note) => paragraph(escapeHtml(note), 'margin:0 0 12px;font-size:13px;color:#555')).join('\n')}
${paragraph('— Plaza')}
</div>
</body></html>`;
  return { subject: layout.subject, text, html };
}
