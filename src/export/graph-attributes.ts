import type { EntityRecord, RelationshipRecord } from '../domain/records';

/** One column of the node or edge table Gephi and yEd show; null leaves the cell empty. */
export interface GraphAttribute<T> {
  readonly name: string;
  readonly value: (record: T) => string | null;
}

const json = (value: readonly unknown[]): string | null => (value.length > 0 ? JSON.stringify(value) : null);

/** Lists (aliases, evidence) are JSON text: both XML formats only carry strings portably. */
export const NODE_ATTRIBUTES: readonly GraphAttribute<EntityRecord>[] = [
  { name: 'label', value: (e) => e.name },
  { name: 'kind', value: (e) => e.kind },
  { name: 'aliases', value: (e) => json(e.aliases) },
  { name: 'description', value: (e) => e.description },
  { name: 'orgType', value: (e) => e.orgType },
  { name: 'country', value: (e) => e.country },
  { name: 'date', value: (e) => e.date },
  { name: 'evidence', value: (e) => json(e.evidence) },
];

export const EDGE_ATTRIBUTES: readonly GraphAttribute<RelationshipRecord>[] = [
  { name: 'label', value: (r) => r.type },
  { name: 'type', value: (r) => r.type },
  { name: 'role', value: (r) => r.role },
  { name: 'onBehalfOfId', value: (r) => r.onBehalfOfId },
  { name: 'startDate', value: (r) => r.startDate },
  { name: 'endDate', value: (r) => r.endDate },
  { name: 'description', value: (r) => r.description },
  { name: 'evidence', value: (r) => json(r.evidence) },
];
