import type { Integer } from 'neo4j-driver';
import { firstDay, hasDateWindow, lastDay } from '../../domain/date-window';
import { EntityKind, type RelationshipType } from '../../domain/enums';
import { PARTICIPATION_TYPES, ROLE_ORDER } from '../../domain/participation';
import type { CitationRecord } from '../../domain/records';
import type { EntityListRequest, PageRequest, RelationshipFilter } from '../../ports/graph-store';
import { normalizeName } from '../../search/normalize';
import { int } from './driver';
import { RELATIONSHIP_TYPE_NAMES } from './labels';
import { exactTermQuery } from './lucene';

/**
 * Port requests to query parameters. Each mirrors a test of the embedded store exactly, including
 * which empty values count as "no filter" (`||`) and which still filter (`??`).
 */

export function paging(page: PageRequest): { offset: Integer; first: Integer } {
  return { offset: int(page.offset), first: int(page.first) };
}

export function nonEmpty<T>(values: readonly T[] | null | undefined): readonly T[] | null {
  return values?.length ? values : null;
}

export function typeNames(types: readonly RelationshipType[]): string[] {
  return types.map((t) => RELATIONSHIP_TYPE_NAMES[t]);
}

export function entityListParams(request: EntityListRequest): Record<string, unknown> {
  return {
    kinds: nonEmpty(request.kinds),
    country: request.country || null,
    orgType: request.orgType || null,
    nameContains: request.nameContains ? normalizeName(request.nameContains) : null,
    // An empty bound still drops undated entities in the embedded store.
    dateFrom: request.dateFrom ?? null,
    dateTo: request.dateTo ?? null,
    ...paging(request),
  };
}

/** domain/date-window's intervalMatches: the window's bounds padded here, the relationship's in Cypher. */
export function relationshipFilterParams(filter: RelationshipFilter, page: PageRequest): Record<string, unknown> {
  const from = filter.from ?? null;
  const to = filter.to ?? null;
  const activeAt = filter.activeAt || null;
  return {
    types: filter.types?.length ? typeNames(filter.types) : null,
    otherKinds: nonEmpty(filter.otherKinds),
    eventKind: EntityKind.EVENT,
    windowed: hasDateWindow(filter),
    activeFirst: activeAt === null ? null : firstDay(activeAt),
    activeLast: activeAt === null ? null : lastDay(activeAt),
    fromFirst: from === null ? null : firstDay(from),
    toLast: to === null ? null : lastDay(to),
    ...paging(page),
  };
}

/** Role rank by stored type name, in ROLE_ORDER; other types rank after every role. */
const ROLE_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(PARTICIPATION_TYPES).map(([type, role]) => [
    RELATIONSHIP_TYPE_NAMES[type as RelationshipType],
    ROLE_ORDER.indexOf(role),
  ]),
);

export function participationParams(types: readonly RelationshipType[]): Record<string, unknown> {
  return { types: typeNames(types), rank: ROLE_RANK, unranked: int(ROLE_ORDER.length) };
}

/** The $sources of ./citation-cypher: each id with its exact Lucene query. */
export function citationSources(sourceIds: readonly string[]): { id: string; term: string }[] {
  return [...new Set(sourceIds)].map((id) => ({ id, term: exactTermQuery(id) }));
}

/** The holder kinds travel as parameters, so the statement holds no value of its own. */
export function citationParams(sourceIds: readonly string[], first: number): Record<string, unknown> {
  const [entityKind, relationshipKind]: CitationRecord['holderKind'][] = ['entity', 'relationship'];
  return { sources: citationSources(sourceIds), first: int(first), entityKind, relationshipKind };
}
