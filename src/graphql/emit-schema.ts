import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import { printGraphqlSchema } from './schema';

/** `npm run schema:emit`: rewrites schema/schema.graphql from the code (a test checks it is current). */
export const SCHEMA_FILE = join(projectRoot(), 'schema', 'schema.graphql');

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, printGraphqlSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
