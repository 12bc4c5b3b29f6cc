import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';

export const FOUNDING_SOURCE_ID = 'kazmfa-2023-12-14-dphd-cab-concluding-meeting';
export const MEETING_ID = 'dphd-cab-concluding-meeting-2023';

/** The founding source text as shipped in seed/, which a test also checks is the shared original. */
export const FOUNDING_TEXT = readFileSync(join(projectRoot(), 'seed', 'sources', `${FOUNDING_SOURCE_ID}.txt`), 'utf8');
