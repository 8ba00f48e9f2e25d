/**
 * Prefix search without a scan: each searchable member's username claim stores, in one array
 * field, every prefix a query may be (`searchPrefixes`), and a search is one `array-contains`
 * query ordered by username (see user-search.ts). One query means one order, so cursor pages are
 * exact: no merge of two result streams, no duplicates when both the username and the display
 * name match.
 *
 * Indexed: the empty prefix (an empty query lists every searchable member), and prefixes up to
 * `searchPrefixMaxLength` characters of the username, the display name, and the parts of each
 * that start at a word (`lovelace` finds "Ada Lovelace" and `ada.lovelace`), for the first
 * `searchWordStarts` words. So a profile holds at most 1 + 2 × 4 × 20 = 161 entries.
 */
export const searchPrefixMaxLength = 20;
export const searchWordStarts = 4;

/**
 * Lower case, accents removed (NFKD, then combining marks dropped: "Ádá" is found by "ada"),
 * runs of white space made one space, trimmed. Used for the stored keys and the query alike.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** What a query is looked up as: normalized, and cut to the longest prefix that is indexed. */
export function searchPrefixOf(query: string): string {
  return [...normalizeSearchText(query)].slice(0, searchPrefixMaxLength).join('');
}

function prefixesOf(text: string, into: Set<string>): void {
  const characters = [...text].slice(0, searchPrefixMaxLength);
  for (let end = 1; end <= characters.length; end += 1) into.add(characters.slice(0, end).join(''));
}

/** `text` and its tails that start at a word, split by `separator`. */
function wordStarts(text: string, separator: RegExp): string[] {
  const starts: string[] = [];
  for (const match of text.matchAll(separator)) {
    if (starts.length >= searchWordStarts - 1) break;
    const tail = text.slice(match.index + match[0].length);
    if (tail !== '') starts.push(tail);
  }
  return [text, ...starts];
}

/**
 * The stored search keys of a profile. Empty for a profile that must not be found: one without a
 * username (it has no public page) or a disabled account.
 */
export function searchPrefixesFor(profile: { username: string | null; displayName: string | null; disabled?: boolean }): string[] {
  if (profile.username === null || profile.disabled === true) return [];
  const prefixes = new Set<string>(['']);
  for (const start of wordStarts(profile.username, /[._-]+/gu)) prefixesOf(start, prefixes);
  const displayName = normalizeSearchText(profile.displayName ?? '');
  if (displayName !== '') for (const start of wordStarts(displayName, / /gu)) prefixesOf(start, prefixes);
  return [...prefixes];
}
