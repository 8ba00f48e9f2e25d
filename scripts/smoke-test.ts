import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const healthSchema = z.object({ status: z.literal('ok'), service: z.string() });

export interface SmokeTestOptions {
  readonly attempts?: number;
  readonly delayMs?: number;
  readonly fetch?: typeof fetch;
}

/**
 * GET <base>/healthz until it answers 200 with `{ status: 'ok' }`, a bounded number of times
 * (a new revision may still be taking traffic over). Throws with the last answer otherwise.
 */
export async function smokeTest(baseUrl: string, options: SmokeTestOptions = {}): Promise<z.infer<typeof healthSchema>> {
  const { attempts = 10, delayMs = 3_000, fetch: get = fetch } = options;
  // Under the base path, so `<hosting>/api` checks the Hosting rewrite to the gateway too.
  const url = new URL(`${new URL(baseUrl).pathname.replace(/\/$/, '')}/healthz`, baseUrl);
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await get(url, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      last = `${response.status} ${body.slice(0, 200)}`;
      if (response.ok) {
        const parsed = healthSchema.safeParse(JSON.parse(body));
        if (parsed.success) return parsed.data;
      }
    } catch (error) {
      last = String(error);
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  throw new Error(`${url} is not healthy after ${attempts} attempts; last answer: ${last}`);
}

// `node --import tsx scripts/smoke-test.ts <url>`: release.yml's last step.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [baseUrl] = process.argv.slice(2);
  if (!baseUrl) {
    console.error('usage: smoke-test.ts <base url>');
    process.exit(2);
  }
  const health = await smokeTest(baseUrl).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(`${baseUrl}/healthz: ${JSON.stringify(health)}`);
}
