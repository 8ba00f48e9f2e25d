import { describe, expect, it } from 'vitest';
import { expiryText, isExpired } from './expiry.ts';
import { startCommand, telegramName, telegramStatusText } from './telegram-status.ts';
import { confirmationMatches, confirmationPhrase } from './delete-confirmation.ts';

const at = Date.parse('2026-03-01T12:00:00.000Z');

describe('expiryText', () => {
  it('counts minutes and seconds', () => {
    expect(expiryText('2026-03-01T12:10:00.000Z', at)).toBe('10 min 00 s left');
    expect(expiryText('2026-03-01T12:09:05.000Z', at)).toBe('9 min 05 s left');
  });
  it('counts seconds in the last minute, rounding up', () => {
    expect(expiryText('2026-03-01T12:00:45.000Z', at)).toBe('45 s left');
    expect(expiryText(at + 200, at)).toBe('1 s left');
  });
  it('says expired once the time has passed', () => {
    expect(expiryText(at, at)).toBe('Expired');
    expect(expiryText('2026-03-01T11:59:00.000Z', at)).toBe('Expired');
    expect(expiryText('not a date', at)).toBe('Expired');
    expect(isExpired(at, at)).toBe(true);
    expect(isExpired(at + 1, at)).toBe(false);
  });
});

describe('telegram status', () => {
  const linked = { linked: true, username: 'ada_l', firstName: 'Ada', notifications: true, linkedAt: '2026-03-01T12:00:00.000Z' };
  it('names the chat by username, else first name', () => {
    expect(telegramStatusText(linked)).toBe('Linked to @ada_l');
    expect(telegramName({ username: null, firstName: 'Ada' })).toBe('Ada');
    expect(telegramName({ username: null, firstName: null })).toBe('a Telegram chat');
  });
  it('says when nothing is linked', () => {
    expect(telegramStatusText({ linked: false, username: null, firstName: null, notifications: null, linkedAt: null })).toBe('Not linked');
  });
  it('gives the command to paste', () => {
    expect(startCommand('abc_DEF-123')).toBe('/start abc_DEF-123');
  });
});

describe('delete confirmation', () => {
  it('asks for the address, else the username', () => {
    expect(confirmationPhrase({ email: 'ada@plaza.test', username: 'ada' })).toBe('ada@plaza.test');
    expect(confirmationPhrase({ email: null, username: 'ada' })).toBe('ada');
  });
  it('ignores case and surrounding spaces', () => {
    expect(confirmationMatches(' ADA@plaza.test ', 'ada@plaza.test')).toBe(true);
    expect(confirmationMatches('ada@plaza', 'ada@plaza.test')).toBe(false);
  });
});
