// Bundled by gateway-bundle.test.ts: prints the locales a bundle's zod carries.
import { z } from 'zod';

console.log(JSON.stringify(Object.keys(z.locales)));
