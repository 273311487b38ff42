/** Writes schemas/<type>.json and schemas/asyncapi.json from the catalogue. Committed; a test checks they are current. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument, CATALOGUE, jsonSchemaOf } from '../src';

const dir = join(__dirname, '..', 'schemas');
for (const m of CATALOGUE)
  writeFileSync(join(dir, `${m.type}.json`), JSON.stringify(jsonSchemaOf(m.type), null, 2) + '\n');
writeFileSync(join(dir, 'asyncapi.json'), JSON.stringify(asyncApiDocument(), null, 2) + '\n');
console.log(`wrote ${CATALOGUE.length} JSON Schemas and asyncapi.json to ${dir}`);
