import { fileURLToPath } from 'node:url';
import { bundleDeployable } from './bundle.ts';

// `npm run build`: the gateway deployable, one ESM file plus the manifest of its lazy SDKs.
const result = await bundleDeployable({
  entry: fileURLToPath(new URL('../src/main.ts', import.meta.url)),
  outfile: fileURLToPath(new URL('../dist/index.mjs', import.meta.url)),
});
const lazy = result.sdkImports.map(({ path }) => path).join(', ') || 'none';
console.log(`${result.outfile}: ${(result.bytes / 1024).toFixed(0)} KiB; SDKs loaded on first use only: ${lazy}`);
