/** Who may do what; a higher role includes the lower ones. */
export enum Role {
  READER = 'READER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

export const ROLE_RANK: Readonly<Record<Role, number>> = { READER: 1, EDITOR: 2, ADMIN: 3 };

/** The caller a request acts for, from its bearer token; never holds the secret. */
export interface Caller {
  readonly name: string;
  readonly role: Role;
}

export enum ChangeOperation {
  ADD_SOURCE = 'ADD_SOURCE',
  CREATE_ENTITY = 'CREATE_ENTITY',
  UPDATE_ENTITY = 'UPDATE_ENTITY',
  DELETE_ENTITY = 'DELETE_ENTITY',
  ADD_RELATIONSHIP = 'ADD_RELATIONSHIP',
  UPDATE_RELATIONSHIP = 'UPDATE_RELATIONSHIP',
  REMOVE_RELATIONSHIP = 'REMOVE_RELATIONSHIP',
  ADD_EVIDENCE = 'ADD_EVIDENCE',
  MERGE_ENTITIES = 'MERGE_ENTITIES',
  IMPORT = 'IMPORT',
  /** A document's source and the facts proposed from it, filed for review. */
  INGEST_DOCUMENT = 'INGEST_DOCUMENT',
  ACCEPT_PROPOSALS = 'ACCEPT_PROPOSALS',
  REJECT_PROPOSALS = 'REJECT_PROPOSALS',
  UPDATE_PROPOSAL = 'UPDATE_PROPOSAL',
}

/**
 * One audit-log entry: who did what, when, to which ids, with the changed fields before and after
 * (JSON text, so both stores keep it as one property and it survives any field set).
 */
export interface ChangeRecord {
  /** Sortable: ISO timestamp plus a sequence, so entries of one millisecond keep their order. */
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly operation: ChangeOperation;
  /** Every entity, relationship or source id the change touched. */
  readonly ids: readonly string[];
  readonly before: string | null;
  readonly after: string | null;
}
