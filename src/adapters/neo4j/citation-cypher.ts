import { RELATIONSHIP_TYPES } from '../../domain/enums';
import { ENTITY_LABEL, RELATIONSHIP_TYPE_NAMES } from './labels';

/**
 * A source's citations (the port's citationsOf and citationCounts): the evidence items of the
 * entities and relationships whose evidenceSourceIds list it, found through two full-text indexes.
 *
 * Why full-text indexes: the ids are a list property, which range and text indexes do not serve
 * (`$id IN r.evidenceSourceIds` is a scan of every record with a filter), and relationship range
 * and text indexes are per type. A full-text index holds each element of a list of strings as a
 * value of its own, and one index covers every relationship type. With the keyword analyzer each
 * element is exactly one term (case kept, nothing split), so a quoted source id finds just the
 * records that list it. The indexes are over evidenceSourceIds itself: every write already sets
 * it, so nothing in the write path changes, and no derived property needs a backfill; they are
 * not eventually consistent, so a read sees the write before it. The alternative, citing edges
 * from (:Source), cannot serve relationships (an edge cannot end at an edge) and would put an
 * extra edge on every entity, which untyped expands would meet.
 */

export const ENTITY_CITATION_INDEX = 'entity_evidence_sources';
export const RELATIONSHIP_CITATION_INDEX = 'relationship_evidence_sources';
export const CITATION_ANALYZER = 'keyword';

const indexOptions = `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${CITATION_ANALYZER}', \`fulltext.eventually_consistent\`: false}}`;

export const CREATE_ENTITY_CITATION_INDEX = `
  CREATE FULLTEXT INDEX ${ENTITY_CITATION_INDEX} IF NOT EXISTS
  FOR (n:${ENTITY_LABEL}) ON EACH [n.evidenceSourceIds]
  ${indexOptions}`;

/** Over the types of ./labels as they are now: migrate rebuilds it when that list changes. */
export const CREATE_RELATIONSHIP_CITATION_INDEX = `
  CREATE FULLTEXT INDEX ${RELATIONSHIP_CITATION_INDEX} IF NOT EXISTS
  FOR ()-[r:${RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]).join('|')}]-() ON EACH [r.evidenceSourceIds]
  ${indexOptions}`;

/** Per record `x` the index found: the positions of its evidence items that quote the source. */
const ITEMS = (x: string): string => `
      UNWIND range(0, size(${x}.evidenceSourceIds) - 1) AS i
      WITH ${x}, i WHERE ${x}.evidenceSourceIds[i] = source.id`;

const ITEM_ROW = (x: string, kind: string): string =>
  `RETURN ${kind} AS holderKind, ${x}.id AS holderId, i, ${x}.evidenceStarts[i] AS spanStart, ${x}.evidenceEnds[i] AS spanEnd,
        ${x}.evidenceQuotes[i] AS quote, ${x}.evidenceConfidences[i] AS confidence`;

/**
 * $sources: [{id, term}], term the id as a Lucene query (./lucene). Per source, the first $first
 * items in domain/compare's compareCitations order: (start, end, holder id), entities first, then
 * the item's position in its holder's lists. The top-k sort runs per source, after the index.
 */
export const CITATIONS_OF = `
  UNWIND $sources AS source
  RETURN source.id AS id, COLLECT {
    CALL (source) {
      CALL db.index.fulltext.queryNodes('${ENTITY_CITATION_INDEX}', source.term) YIELD node AS n${ITEMS('n')}
      ${ITEM_ROW('n', '$entityKind')}
      UNION ALL
      CALL db.index.fulltext.queryRelationships('${RELATIONSHIP_CITATION_INDEX}', source.term) YIELD relationship AS r${ITEMS('r')}
      ${ITEM_ROW('r', '$relationshipKind')}
    }
    WITH holderKind, holderId, i, spanStart, spanEnd, quote, confidence
    ORDER BY spanStart, spanEnd, holderId, holderKind, i
    LIMIT $first
    RETURN {holderKind: holderKind, holderId: holderId, quote: quote, confidence: confidence, start: spanStart, end: spanEnd} AS citation
  } AS citations`;

/** Per source of $sources, how many evidence items quote it. */
export const CITATION_COUNTS = `
  UNWIND $sources AS source
  RETURN source.id AS id, COUNT {
    CALL (source) {
      CALL db.index.fulltext.queryNodes('${ENTITY_CITATION_INDEX}', source.term) YIELD node AS n
      UNWIND n.evidenceSourceIds AS sourceId
      RETURN sourceId
      UNION ALL
      CALL db.index.fulltext.queryRelationships('${RELATIONSHIP_CITATION_INDEX}', source.term) YIELD relationship AS r
      UNWIND r.evidenceSourceIds AS sourceId
      RETURN sourceId
    }
    WITH sourceId WHERE sourceId = source.id
    RETURN sourceId
  } AS count`;
