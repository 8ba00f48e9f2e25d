import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Semantic version bumps libs-tagger.yml offers. */
export const bumpSchema = z.enum(['major', 'minor', 'patch']);
export type Bump = z.infer<typeof bumpSchema>;

const versionPattern = /^v(\d+)\.(\d+)\.(\d+)$/;

/** The libraries one can release: every directory under libs/ (libs-tagger.yml lists the same, a test checks). */
export function releasableLibs(librariesDir: URL = new URL('../libs/', import.meta.url)): string[] {
  return readdirSync(librariesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The next `<lib>/vX.Y.Z` after the highest existing tag of that lib (tags of other libs and
 * anything not X.Y.Z are ignored); the first release of a lib bumps from 0.0.0.
 */
export function nextLibTag(lib: string, bump: Bump, existingTags: readonly string[]): string {
  const versions = existingTags
    .filter((tag) => tag.startsWith(`${lib}/`))
    .map((tag) => versionPattern.exec(tag.slice(lib.length + 1)))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [Number(match[1]), Number(match[2]), Number(match[3])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const [major, minor, patch] = versions.at(-1) ?? [0, 0, 0];
  const next = bump === 'major' ? [major + 1, 0, 0] : bump === 'minor' ? [major, minor + 1, 0] : [major, minor, patch + 1];
  return `${lib}/v${next.join('.')}`;
}

// `node --import tsx scripts/next-lib-tag.ts <lib> <bump>` prints the tag, from the repository's tags.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [lib = '', bumpArg = ''] = process.argv.slice(2);
  const libs = releasableLibs();
  if (!libs.includes(lib)) {
    console.error(`unknown lib "${lib}"; the libs are ${libs.join(', ')}`);
    process.exit(2);
  }
  const bump = bumpSchema.safeParse(bumpArg);
  if (!bump.success) {
    console.error(`the bump is major, minor or patch, not "${bumpArg}"`);
    process.exit(2);
  }
  const tags = execFileSync('git', ['tag', '--list', `${lib}/v*`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  console.log(nextLibTag(lib, bump.data, tags));
}
