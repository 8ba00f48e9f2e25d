/** The most initial JavaScript a route may load, gzipped (the budget). */
export const initialJsBudgetBytes = 200 * 1024;

/** The scripts a page's HTML loads before anything else: every `<script src>` of our own. */
export function initialScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
  return [...new Set(sources.filter((source) => source.startsWith('/_next/')))];
}

/** The route a page of the export serves: `sign-in/index.html` → `/sign-in/`. */
export function routeOf(htmlFile: string): string {
  return `/${htmlFile.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
}
