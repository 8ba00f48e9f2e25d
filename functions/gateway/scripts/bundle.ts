import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

/**
 * The SDKs that cost most of a cold start. They stay outside the bundle, installed next to it
 * (see the generated package.json), and the code reaches them only through `await import()`, so
 * a request that needs no database never loads them. Bundling them instead would also break
 * them: the Google clients read their .proto and .json descriptors from disk at run time.
 * nodemailer is here for size alone: 220 KiB that only a mail being sent needs.
 */
export const lazySdks = ['firebase-admin', '@google-cloud/pubsub', '@google-cloud/firestore', 'google-auth-library', 'nodemailer'] as const;

export interface BundleOptions {
  /** The deployable's entry point (TypeScript). */
  entry: string;
  /** The one ESM file to write. */
  outfile: string;
  /** More packages replaced by other modules (esbuild's `alias`), on top of `nodeBuiltInAliases`. */
  alias?: Readonly<Record<string, string>>;
}

export interface BundleResult {
  outfile: string;
  bytes: number;
  /** The lazy SDKs the output imports, each with how: they must all be dynamic. */
  sdkImports: { path: string; kind: string }[];
}

// CommonJS dependencies bundled into ESM still call require(); Node's ESM has none, so give them one.
const requireShim = "import { createRequire as __plazaCreateRequire } from 'node:module'; const require = __plazaCreateRequire(import.meta.url);";

/**
 * zod re-exports its 64 locales as `z.locales`, so every bundle that imports `z` carries all of
 * them: 258 KiB, more than a quarter of the gateway, parsed on every cold start. Plaza speaks only
 * the English messages zod configures by default (`schemas.js` imports `en.js` directly), so the
 * namespace is narrowed to English; `z.locales.fr` and friends are undefined in a bundle.
 */
export const englishOnlyZodLocales: Plugin = {
  name: 'english-only-zod-locales',
  setup(plugin) {
    plugin.onResolve({ filter: /\/locales\/index\.js$/ }, ({ resolveDir }) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(resolveDir) ? { path: join(resolveDir, '../locales/index.js'), namespace: 'zod-locales' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'zod-locales' }, ({ path }) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};

/** Polyfills Node 20 no longer needs, replaced by what it has built in. */
export const nodeBuiltInAliases: Readonly<Record<string, string>> = {
  'node-fetch': fileURLToPath(new URL('./global-fetch.ts', import.meta.url)),
};

/** esbuild as every Plaza deployable is built: one minified ESM file for Node 20, the lazy SDKs left outside. */
export async function buildBundle({ entry, outfile, alias }: BundleOptions): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: lazySdks.flatMap((sdk) => [sdk, `${sdk}/*`]),
    banner: { js: requireShim },
    plugins: [englishOnlyZodLocales],
    alias: { ...nodeBuiltInAliases, ...alias },
    metafile: true,
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return result.metafile;
}

/** Bundles one deployable and fails if a heavy SDK sits on its eager import path. */
export async function bundleDeployable(options: BundleOptions): Promise<BundleResult> {
  const [outputPath, output] = onlyOutput(await buildBundle(options));
  const sdkImports = output.imports
    .filter((entry) => entry.external && isLazySdk(entry.path))
    .map(({ path, kind }) => ({ path, kind }));
  const eager = sdkImports.filter(({ kind }) => kind !== 'dynamic-import');
  if (eager.length > 0) {
    throw new Error(`${outputPath} loads ${eager.map((e) => `${e.path} (${e.kind})`).join(', ')} eagerly; import it with await import() where it is used`);
  }
  await writeDeployManifest(dirname(options.outfile), sdkImports);
  return { outfile: outputPath, bytes: output.bytes, sdkImports };
}

function onlyOutput(metafile: Metafile): [string, Metafile['outputs'][string]] {
  const outputs = Object.entries(metafile.outputs).filter(([path]) => path.endsWith('.mjs') || path.endsWith('.js'));
  if (outputs.length !== 1) throw new Error(`expected one output file, got ${outputs.map(([path]) => path).join(', ')}`);
  return outputs[0] as [string, Metafile['outputs'][string]];
}

const isLazySdk = (path: string): boolean => lazySdks.some((sdk) => path === sdk || path.startsWith(`${sdk}/`));
const packageOf = (path: string): string => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

// The packages whose dependencies may hold a lazy SDK: the runtime kit and the modules.
const declaringManifests = ['libs/runtime', 'functions/modules/mailer'].map((dir) => new URL(`../../../${dir}/package.json`, import.meta.url));

/**
 * A package.json beside the bundle pinning the SDKs it imports to the ranges the packages using
 * them declare, so `npm install --omit=dev` in dist/ makes the directory deployable on its own.
 */
async function writeDeployManifest(directory: string, sdkImports: BundleResult['sdkImports']): Promise<void> {
  const declared: Record<string, string> = {};
  for (const manifest of declaringManifests) {
    Object.assign(declared, (JSON.parse(await readFile(manifest, 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  }
  const packages = [...new Set(sdkImports.map(({ path }) => packageOf(path)))].sort();
  const dependencies = Object.fromEntries(
    packages.map((name) => {
      const range = declared[name];
      if (!range) throw new Error(`the bundle imports ${name}, which no package in ${declaringManifests.map((m) => m.pathname).join(', ')} declares`);
      return [name, range];
    }),
  );
  const manifest = { name: 'plaza-deployable', private: true, type: 'module', main: 'index.mjs', dependencies };
  await writeFile(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
