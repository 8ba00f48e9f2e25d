import { deployables } from '@plaza/contracts';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the repository after `npm run build`: each Cloud Function's source directory with
 * an entry file, so the program can archive it. The mocks never read the archive, and the tests
 * need no build.
 */
export async function builtSources(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'plaza-built-sources-'));
  for (const deployable of deployables) {
    if (deployable.kind !== 'cloud-function') continue;
    await mkdir(join(root, deployable.source), { recursive: true });
    await writeFile(join(root, deployable.source, 'index.mjs'), `export const ${deployable.entryPoint} = () => {};\n`);
  }
  return root;
}
