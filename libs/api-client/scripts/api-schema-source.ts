import openapiTS, { astToString } from 'openapi-typescript';
import { gatewayOpenApiDocument } from '@plaza/gateway/openapi-document';

export const schemaFile = new URL('../src/schema.d.ts', import.meta.url);

const banner = `/**
 * Generated from the gateway's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`npm run generate:api\` after changing a route or a contract.
 */
`;

/** The TypeScript source of `src/schema.d.ts`: the paths, operations and components of the API. */
export async function apiSchemaSource(): Promise<string> {
  const document = (await gatewayOpenApiDocument()) as Parameters<typeof openapiTS>[0];
  return banner + astToString(await openapiTS(document, { alphabetize: true }));
}
