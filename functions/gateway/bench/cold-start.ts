import { spawnServer } from './spawn-server.ts';

export interface ColdStartTarget {
  label: string;
  file: string;
  probe: { path: string; headers?: Record<string, string> };
}

/**
 * Spawn to first 200, `runs` fresh processes per target. The targets take turns within each
 * round, so a noisy moment on the shared machine hurts them alike instead of one of them.
 */
export async function measureColdStarts(
  targets: readonly ColdStartTarget[],
  env: Record<string, string>,
  runs: number,
): Promise<Map<string, number[]>> {
  const times = new Map(targets.map(({ label }) => [label, [] as number[]]));
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      const server = await spawnServer(target.file, target.probe, env);
      await server.stop();
      times.get(target.label)!.push(server.readyMs);
    }
  }
  return times;
}
