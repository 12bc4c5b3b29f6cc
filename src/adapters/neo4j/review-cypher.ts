import { INGESTION_LABEL, PROPOSAL_LABEL } from './labels';

/**
 * The Cypher of the review queue (./review). Ingestions are flat nodes; a proposal keeps its whole
 * record as one JSON property (`json`), its payload being nested, with the fields reads filter or
 * sort on (ingestionId, status) beside it, written together so they never disagree.
 */

const I = INGESTION_LABEL;
const P = PROPOSAL_LABEL;

export const PUT_INGESTIONS = `
  UNWIND $rows AS row
  MERGE (i:${I} {id: row.id})
  SET i = row`;

export const PUT_PROPOSALS = `
  UNWIND $rows AS row
  MERGE (p:${P} {id: row.id})
  SET p = row`;

export const GET_INGESTIONS = `
  MATCH (i:${I})
  WHERE i.id IN $ids
  RETURN i {.*} AS row`;

export const INGESTIONS_BY_TEXT_HASH = `
  MATCH (i:${I})
  WHERE i.textHash IN $hashes
  RETURN i {.*} AS row`;

export const LIST_INGESTIONS = `
  MATCH (i:${I})
  WHERE $status IS NULL OR i.status = $status
  WITH i ORDER BY i.createdAt DESC, i.id
  WITH collect(i) AS matches
  RETURN size(matches) AS totalCount, [x IN matches[$offset..($offset + $first)] | x {.*}] AS items`;

export const GET_PROPOSALS = `
  MATCH (p:${P})
  WHERE p.id IN $ids
  RETURN p.json AS json`;

export const PROPOSALS_OF = `
  MATCH (p:${P})
  WHERE p.ingestionId IN $ids AND ($status IS NULL OR p.status = $status)
  RETURN p.json AS json
  ORDER BY p.id`;

export const EXISTING_INGESTION_IDS = `
  MATCH (i:${I})
  WHERE i.id IN $ids
  RETURN i.id AS id`;
