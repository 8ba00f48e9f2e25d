import { fileURLToPath } from 'node:url';
import { bundleDeployable } from '../../gateway/scripts/bundle.ts';

/**
 * The Cloud Function's source directory, `functions/telegram/dist` (what Pulumi zips): one ESM
 * file, `index.mjs`, exporting `telegramWebhook`, and the package.json naming it as `main` with the
 * lazily loaded SDKs as dependencies. Built the way every Plaza deployable is (the gateway's
 * bundle.ts), so the heavy SDKs stay outside and load on first use.
 */
export async function buildTelegramWebhook(outfile = fileURLToPath(new URL('../dist/index.mjs', import.meta.url))) {
  return bundleDeployable({ entry: fileURLToPath(new URL('../src/function.ts', import.meta.url)), outfile });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildTelegramWebhook();
  const lazy = result.sdkImports.map(({ path }) => path).join(', ') || 'none';
  console.log(`${result.outfile}: ${(result.bytes / 1024).toFixed(0)} KiB; SDKs loaded on first use only: ${lazy}`);
}
