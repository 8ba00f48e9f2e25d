import type { OpenAPIHono } from '@hono/zod-openapi';
import { lazy } from '../firebase/lazy.ts';
import type { AppEnv } from './app-env.ts';
import { securitySchemes } from './security-schemes.ts';

export const openApiPath = '/v1/openapi.json';
export const apiReferencePath = '/v1/reference';

/**
 * Serves the OpenAPI 3.1 document generated from the routes themselves, and an API reference
 * page over it. Call after every route is mounted: the document is built per request from the
 * registry, so it always matches what the service serves.
 */
export function mountApiDocumentation(app: OpenAPIHono<AppEnv>, info: { title: string; version: string }): void {
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
  app.doc31(openApiPath, { openapi: '3.1.0', info });
  // Imported on first view: the page is for people, and nothing on the request path should
  // pay for it at cold start. It loads Scalar's script from a CDN, so it needs a network.
  const referencePage = lazy(async () => {
    const { Scalar } = await import('@scalar/hono-api-reference');
    // Relative, so the page also works behind Hosting's /api prefix.
    return Scalar<AppEnv>({ url: './openapi.json', pageTitle: info.title });
  });
  app.get(apiReferencePath, async (c, next) => (await referencePage())(c, next));
}
