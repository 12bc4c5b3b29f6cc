import type { EntityRecord, RelationshipRecord } from '../../domain/records';

/** Cytoscape.js elements JSON: an array a client passes straight to `cy.add(...)`. */
export function toCytoscape(nodes: readonly EntityRecord[], relationships: readonly RelationshipRecord[]): unknown[] {
  return [
    ...nodes.map((n) => ({
      group: 'nodes',
      data: { id: n.id, label: n.name, kind: n.kind, orgType: n.orgType, country: n.country, date: n.date },
    })),
    ...relationships.map((r) => ({
      group: 'edges',
      data: {
        id: r.id,
        source: r.fromId,
        target: r.toId,
        label: r.type,
        role: r.role,
        startDate: r.startDate,
        endDate: r.endDate,
        evidence: r.evidence.map((e) => ({ sourceId: e.sourceId, quote: e.quote, confidence: e.confidence })),
      },
    })),
  ];
}
