import { MultiDirectedGraph } from 'graphology';
import type { ChangeRecord } from '../../domain/change';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../domain/records';
import type { GraphBatch } from '../../ports/graph-store';
import type { WriteOp } from '../../ports/graph-writes';
import { buildSearchDoc } from '../../search/search-doc';
import { AuditLog } from './audit-log';
import { BehalfIndex } from './behalf-index';
import { CitationIndex } from './citation-index';
import type { Graph } from './graph-types';
import { ReviewState } from './review-state';
import { SearchIndex } from './search-index';

/**
 * Everything the embedded store holds, and the only code that changes it. Nothing here checks a
 * write: `apply` trusts that write-check.ts accepted the batch against this same state.
 */
export class GraphState {
  readonly graph: Graph = new MultiDirectedGraph();
  /** Names normalised once at write time, so a search only compares. */
  readonly searchDocs = new SearchIndex();
  readonly sources = new Map<string, SourceRecord>();
  readonly behalf = new BehalfIndex();
  /** Which entities and relationships quote each source (the port's citationsOf). */
  readonly citations = new CitationIndex((kind, id) => (kind === 'entity' ? this.entity(id) : this.relationship(id)));
  readonly audit = new AuditLog();
  readonly review = new ReviewState();

  entity(id: string): EntityRecord | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  relationship(id: string): RelationshipRecord | null {
    return this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : null;
  }

  /** Ids of the relationships that have `entityId` as an end or as onBehalfOf (a self-loop twice). */
  *relationshipIdsTouching(entityId: string): Generator<string> {
    if (this.graph.hasNode(entityId)) yield* this.graph.edges(entityId);
    yield* this.behalf.of(entityId);
  }

  upsert(batch: GraphBatch): void {
    for (const s of batch.sources) this.putSource(s);
    for (const e of batch.entities) this.putEntity(e);
    for (const r of batch.relationships) this.putRelationship(r);
  }

  apply(ops: readonly WriteOp[], changes: readonly ChangeRecord[]): void {
    for (const op of ops) {
      switch (op.op) {
        case 'putSource':
          this.putSource(op.source);
          break;
        case 'putEntity':
          this.putEntity(op.entity);
          break;
        case 'deleteEntity':
          this.deleteEntity(op.id);
          break;
        case 'putRelationship':
          this.putRelationship(op.relationship);
          break;
        case 'deleteRelationship':
          this.deleteRelationship(op.id);
          break;
        case 'putIngestion':
          this.review.putIngestion(op.ingestion);
          break;
        case 'putProposal':
          this.review.putProposal(op.proposal);
          break;
        default: {
          const never: never = op;
          throw new Error(`unknown write op ${JSON.stringify(never)}`);
        }
      }
    }
    for (const c of changes) this.audit.add(c);
  }

  putSource(source: SourceRecord): void {
    this.sources.set(source.id, source);
  }

  putEntity(entity: EntityRecord): void {
    this.searchDocs.set(entity.id, buildSearchDoc(entity.name, entity.aliases));
    const old = this.entity(entity.id);
    if (old) {
      this.citations.remove('entity', old);
      this.graph.replaceNodeAttributes(entity.id, asAttributes(entity));
    } else this.graph.addNode(entity.id, asAttributes(entity));
    this.citations.add('entity', entity);
  }

  /** The write check has refused deleting an entity that relationships still touch. */
  deleteEntity(id: string): void {
    this.citations.remove('entity', this.graph.getNodeAttributes(id));
    this.graph.dropNode(id);
    this.searchDocs.delete(id);
  }

  putRelationship(r: RelationshipRecord): void {
    // Adding is the common case and graphology checks the key itself; a replaced relationship
    // (its ends may have moved) is dropped and added again.
    try {
      this.graph.addDirectedEdgeWithKey(r.id, r.fromId, r.toId, asAttributes(r));
    } catch (e) {
      if (!this.graph.hasEdge(r.id)) throw e;
      this.deleteRelationship(r.id);
      this.graph.addDirectedEdgeWithKey(r.id, r.fromId, r.toId, asAttributes(r));
    }
    if (r.onBehalfOfId) this.behalf.add(r.onBehalfOfId, r.id);
    this.citations.add('relationship', r);
  }

  deleteRelationship(id: string): void {
    const old = this.graph.getEdgeAttributes(id);
    if (old.onBehalfOfId) this.behalf.remove(old.onBehalfOfId, id);
    this.citations.remove('relationship', old);
    this.graph.dropEdge(id);
  }
}

/** Records are plain readonly objects; graphology's attribute type wants an index signature. */
function asAttributes<T extends object>(record: T): T & Record<string, unknown> {
  return record as T & Record<string, unknown>;
}
