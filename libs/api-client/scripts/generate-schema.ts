import { writeFile } from 'node:fs/promises';
import { apiSchemaSource, schemaFile } from './api-schema-source.ts';

await writeFile(schemaFile, await apiSchemaSource());
console.log(`wrote ${schemaFile.pathname}`);
