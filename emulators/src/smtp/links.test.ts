import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, extractLinks } from './links.ts';

describe('extractLinks', () => {
  it('finds the same link in text and HTML once, with HTML entities decoded', () => {
    const link = 'http://127.0.0.1:5000/auth/action?mode=verifyEmail&oobCode=abc';
    const html = `<p><a href="http://127.0.0.1:5000/auth/action?mode=verifyEmail&amp;oobCode=abc">Verify</a></p>`;
    expect(extractLinks(`Open ${link} to verify.`, html)).toEqual([link]);
  });

  it('keeps the order of appearance and drops trailing sentence punctuation', () => {
    expect(extractLinks('See https://a.example/x, then (https://b.example/y).', null)).toEqual([
      'https://a.example/x',
      'https://b.example/y',
    ]);
  });

  it('ignores other schemes and finds nothing in a message without links', () => {
    expect(extractLinks('mailto:someone@example.com ftp://files.example', '<p>No links</p>')).toEqual([]);
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hex references and leaves unknown ones', () => {
    expect(decodeHtmlEntities('&lt;a&gt; &#39;x&#x27; &amp;&unknown;')).toBe(`<a> 'x' &&unknown;`);
  });
});
