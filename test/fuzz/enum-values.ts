import * as fc from 'fast-check';
import { Confidence, Direction, EntityKind, OrgType, ParticipationRole, RelationshipType } from '../../src/domain/enums';
import { DocumentFormat, IngestionStatus, ProposalStatus } from '../../src/domain/review';
import { EntityOrder } from '../../src/ports/graph-store';
import { nastyEnum, nastyList } from './arbitraries';

/** Every input enum of the schema, as the fuzz arbitraries send it (values, near misses, junk). */
export const ENUMS = {
  confidence: nastyEnum(Object.values(Confidence)),
  direction: nastyEnum(Object.values(Direction)),
  documentFormat: nastyEnum(Object.values(DocumentFormat)),
  entityKind: nastyEnum(Object.values(EntityKind)),
  entityOrder: nastyEnum(Object.values(EntityOrder)),
  ingestionStatus: nastyEnum(Object.values(IngestionStatus)),
  orgType: nastyEnum(Object.values(OrgType)),
  proposalStatus: nastyEnum(Object.values(ProposalStatus)),
  relationshipType: nastyEnum(Object.values(RelationshipType)),
  role: nastyEnum(Object.values(ParticipationRole)),
};

/** Lists of enum values; a huge list repeats a valid value. */
export const ENUM_LISTS = {
  entityKinds: nastyList(ENUMS.entityKind, fc.constantFrom(...Object.values(EntityKind))),
  relationshipTypes: nastyList(ENUMS.relationshipType, fc.constantFrom(...Object.values(RelationshipType))),
  roles: nastyList(ENUMS.role, fc.constantFrom(...Object.values(ParticipationRole))),
};
