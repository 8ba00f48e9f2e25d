import { z } from 'zod';

const moduleName = z.string().regex(/^[a-z][a-z-]*$/, 'a module name is lower-case letters and dashes');
const serviceUrl = z.url({ protocol: /^https?$/ }).transform((value) => new URL(value).origin);

/**
 * `TOPOLOGY_REMOTE_MODULES=notifications=https://notifications-xyz.run.app,chat=http://127.0.0.1:9002`:
 * the modules served by another service, each with that service's origin. Empty: every module
 * runs in this process, the default and cheapest topology.
 */
export const remoteModulesSchema = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const separator = entry.indexOf('=');
        return separator < 0 ? [entry, ''] : [entry.slice(0, separator).trim(), entry.slice(separator + 1).trim()];
      }),
  )
  .pipe(z.array(z.tuple([moduleName, serviceUrl])))
  .transform((pairs) => new Map(pairs));

export type RemoteModules = z.output<typeof remoteModulesSchema>;
