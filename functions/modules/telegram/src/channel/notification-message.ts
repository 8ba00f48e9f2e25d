/** Telegram's HTML parse mode needs these three escaped in text (and `"` in attributes). */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Telegram allows 4096 characters of text after entity parsing; this leaves room for the layout.
const titleLimit = 256;
const bodyLimit = 3_500;

function clip(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}

/** A notification as a Telegram message (parse_mode HTML): the title in bold, then the body. */
export function notificationMessage({ title, body }: { title: string; body: string }): string {
  const heading = `<b>${escapeTelegramHtml(clip(title.trim(), titleLimit))}</b>`;
  const text = body.trim();
  return text ? `${heading}\n\n${escapeTelegramHtml(clip(text, bodyLimit))}` : heading;
}
