import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Where each emulator listens, as firebase.json's `emulators` block declares it. */
export interface EmulatorEndpoint {
  host?: string;
  /** 0 picks a free port. */
  port: number;
}

const endpointSchema = z.object({
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65_535),
});

// Other keys of the block (ui, singleProjectMode, ...) belong to firebase-tools, so only the
// entries we are asked about are validated.
const firebaseConfigSchema = z.object({
  emulators: z.record(z.string(), z.unknown()),
});

export const defaultFirebaseConfigPath = new URL('../../firebase.json', import.meta.url);

export async function readEmulatorEndpoints<Name extends string>(
  names: readonly Name[],
  configPath: string | URL = defaultFirebaseConfigPath,
): Promise<Record<Name, EmulatorEndpoint>> {
  const source = String(configPath);
  const config = parseOrExplain(firebaseConfigSchema, JSON.parse(await readFile(configPath, 'utf8')), source);
  const endpoints = {} as Record<Name, EmulatorEndpoint>;
  for (const name of names) {
    if (!(name in config.emulators)) {
      throw new Error(`${source}: emulators.${name} is missing; add { "host": "127.0.0.1", "port": <port> }`);
    }
    endpoints[name] = parseOrExplain(endpointSchema, config.emulators[name], source, `emulators.${name}`);
  }
  return endpoints;
}

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, source: string, prefix?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
  throw new Error(`${source}: ${problems.join('; ')}`);
}
