export { ApiProblem, type ProblemCode, type ProblemDetails, type ProblemFieldError } from './api-problem.ts';
export { createPlazaClient, type PlazaClient, type PlazaClientOptions } from './create-plaza-client.ts';
export { expectOk } from './expect-ok.ts';
export type { components, operations, paths } from './schema.d.ts';

import type { components } from './schema.d.ts';

/** The API's named schemas, e.g. `Schema<'MeResponse'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
