import { describe, expect, it } from 'vitest';
import { escapeTelegramHtml, notificationMessage } from './notification-message.ts';

describe('notificationMessage', () => {
  it('puts the title in bold and escapes what Telegram would read as markup', () => {
    expect(notificationMessage({ title: 'Hi <Ada> & co', body: 'a < b > "c"' })).toBe('<b>Hi &lt;Ada&gt; &amp; co</b>\n\na &lt; b &gt; &quot;c&quot;');
    expect(notificationMessage({ title: 'Only a title', body: '  ' })).toBe('<b>Only a title</b>');
  });

  it('stays under Telegram’s 4096 characters, clipping by code point', () => {
    const message = notificationMessage({ title: '😀'.repeat(1_000), body: 'x'.repeat(10_000) });
    expect([...message].length).toBeLessThan(4_096);
    expect(message).not.toMatch(/\uD83D$/);
    expect(escapeTelegramHtml('&amp;')).toBe('&amp;amp;');
  });
});
