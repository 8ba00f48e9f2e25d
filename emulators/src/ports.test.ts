import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEmulatorEndpoints } from './ports.ts';

async function firebaseJson(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'plaza-ports-')), 'firebase.json');
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe('readEmulatorEndpoints', () => {
  it("reads the repository's firebase.json by default", async () => {
    const endpoints = await readEmulatorEndpoints(['firestore', 'pubsub', 'auth']);
    for (const endpoint of Object.values(endpoints)) {
      expect(endpoint).toEqual({ host: '127.0.0.1', port: expect.any(Number) });
    }
  });

  it('returns only the emulators asked for, ignoring firebase-tools settings beside them', async () => {
    const path = await firebaseJson({ emulators: { smtp: { port: 2525 }, ui: { enabled: false }, singleProjectMode: false } });
    expect(await readEmulatorEndpoints(['smtp'], path)).toEqual({ smtp: { port: 2525 } });
  });

  it('names the missing entry', async () => {
    const path = await firebaseJson({ emulators: {} });
    await expect(readEmulatorEndpoints(['smtp'], path)).rejects.toThrow(/emulators\.smtp is missing/);
  });

  it('names the invalid field', async () => {
    const path = await firebaseJson({ emulators: { smtp: { port: 70_000 } } });
    await expect(readEmulatorEndpoints(['smtp'], path)).rejects.toThrow(/emulators\.smtp\.port: /);
  });

  it('rejects a file without an emulators block', async () => {
    const path = await firebaseJson({ hosting: {} });
    await expect(readEmulatorEndpoints(['smtp'], path)).rejects.toThrow(/emulators: /);
  });
});
