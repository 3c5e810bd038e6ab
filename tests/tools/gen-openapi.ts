/** Rewrites packages/gateway/openapi.json and src/client/schema.ts. Run: pnpm gen:openapi */
import { writeFileSync } from 'node:fs';
import { clientTypes, OPENAPI_FILE, openapiDocument, SCHEMA_FILE } from './openapi-artifacts.js';

const document = await openapiDocument();
writeFileSync(OPENAPI_FILE, document);
writeFileSync(SCHEMA_FILE, await clientTypes(document));
console.log('wrote packages/gateway/openapi.json and packages/gateway/src/client/schema.ts');
