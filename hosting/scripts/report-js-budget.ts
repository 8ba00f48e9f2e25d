import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { initialJsBudgetBytes, initialScripts, routeOf } from '../src/js-budget.ts';

/**
 * After `next build`: the initial JavaScript of every route of the export, gzipped, against the
 * 200 KB budget. Prints one line a route and fails the build when a route is over.
 */
const out = new URL('../out/', import.meta.url);
const gzippedSize = new Map<string, number>();
async function sizeOf(source: string): Promise<number> {
  let size = gzippedSize.get(source);
  if (size === undefined) {
    size = gzipSync(await readFile(new URL(`.${source}`, out)), { level: 9 }).length;
    gzippedSize.set(source, size);
  }
  return size;
}

const pages = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html') && !file.startsWith('_next')).sort();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let over = 0;
console.log(`Initial JS per route (gzipped, budget ${kib(initialJsBudgetBytes)}):`);
for (const page of pages) {
  const scripts = initialScripts(await readFile(new URL(page, out), 'utf8'));
  const total = (await Promise.all(scripts.map(sizeOf))).reduce((sum, size) => sum + size, 0);
  const verdict = total <= initialJsBudgetBytes ? 'ok' : 'OVER BUDGET';
  if (total > initialJsBudgetBytes) over += 1;
  console.log(`  ${routeOf(page).padEnd(24)} ${kib(total).padStart(9)}  ${scripts.length} scripts  ${verdict}`);
}
if (over > 0) {
  console.error(`${over} route(s) load more than ${kib(initialJsBudgetBytes)} of JavaScript gzipped.`);
  process.exit(1);
}
