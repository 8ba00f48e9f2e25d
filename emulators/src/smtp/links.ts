// Everything up to whitespace, quotes or angle brackets: how URLs end in text and in HTML attributes.
const urlPattern = /https?:\/\/[^\s"'<>]+/gi;
// Sentence punctuation that follows a URL in prose more often than it ends one.
const trailingPunctuation = /[.,;:!?)\]}]+$/;

const namedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Turns HTML character references back into characters, so `href="...?a=1&amp;b=2"` yields the real URL. */
export function decodeHtmlEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return namedEntities[body.toLowerCase()] ?? reference;
  });
}

/** Every http(s) URL in a message's text and HTML, in order of appearance, each once. */
export function extractLinks(text: string, html: string | null): string[] {
  const found = [...findUrls(text), ...(html ? findUrls(decodeHtmlEntities(html)) : [])];
  return [...new Set(found)];
}

function findUrls(source: string): string[] {
  return [...source.matchAll(urlPattern)].map(([url]) => url.replace(trailingPunctuation, '')).filter(isUrl);
}

function isUrl(candidate: string): boolean {
  return URL.canParse(candidate);
}
