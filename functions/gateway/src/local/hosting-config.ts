import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** The parts of firebase.json's `hosting` block the local front door follows, as Firebase Hosting reads them. */
const hostingSchema = z.object({
  public: z.string().min(1),
  trailingSlash: z.boolean().optional(),
  rewrites: z
    .array(
      z.union([
        z.object({ source: z.string(), run: z.object({ serviceId: z.string(), region: z.string().optional() }) }),
        z.object({ source: z.string(), destination: z.string().startsWith('/') }),
      ]),
    )
    .default([]),
  headers: z
    .array(z.object({ source: z.string(), headers: z.array(z.object({ key: z.string(), value: z.string() })) }))
    .default([]),
});

export type HostingRewrite = z.output<typeof hostingSchema>['rewrites'][number];

export interface HostingConfig {
  /** Absolute path of the directory served as the site. */
  publicDir: string;
  /** `true`: a directory's page is served at its path with a slash, and the path without one redirects there. */
  trailingSlash: boolean;
  rewrites: (HostingRewrite & { matches: (path: string) => boolean })[];
  headers: { matches: (path: string) => boolean; headers: { key: string; value: string }[] }[];
}

export const repositoryFirebaseJson = new URL('../../../../firebase.json', import.meta.url);

export async function readHostingConfig(file: URL = repositoryFirebaseJson): Promise<HostingConfig> {
  const json = JSON.parse(await readFile(file, 'utf8')) as { hosting?: unknown };
  const parsed = hostingSchema.safeParse(json.hosting);
  if (!parsed.success) throw new Error(`${file.pathname}: hosting block: ${z.prettifyError(parsed.error)}`);
  const hosting = parsed.data;
  return {
    publicDir: resolve(dirname(file.pathname), hosting.public),
    trailingSlash: hosting.trailingSlash ?? false,
    rewrites: hosting.rewrites.map((rewrite) => ({ ...rewrite, matches: globMatcher(rewrite.source) })),
    headers: hosting.headers.map(({ source, headers }) => ({ matches: globMatcher(source), headers })),
  };
}

/**
 * Firebase Hosting's glob sources, as far as a path needs them: `**` spans segments (and, at
 * the end, matches the bare prefix too: `/api/**` covers `/api`), `*` stays within one.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const pattern = glob
    .split(/(\/\*\*$|\*\*|\*)/)
    .map((part) => {
      if (part === '/**') return '(?:/.*)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${glob.startsWith('/') || glob.startsWith('*') ? '' : '/'}${pattern}$`);
  return (path) => regex.test(path);
}
