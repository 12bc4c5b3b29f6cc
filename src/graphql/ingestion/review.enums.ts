import { registerEnumType } from 'type-graphql';
import { DocumentFormat, IngestionStatus, ProposalKind, ProposalStatus } from '../../domain/review';

registerEnumType(IngestionStatus, { name: 'IngestionStatus', description: 'OPEN while a proposal waits for review; DONE after.' });
registerEnumType(ProposalStatus, { name: 'ProposalStatus', description: 'Where a proposal stands in review.' });
registerEnumType(ProposalKind, { name: 'ProposalKind', description: 'Whether a proposal is an entity or a relationship.' });
registerEnumType(DocumentFormat, { name: 'DocumentFormat', description: 'TEXT as given; HTML is read down to its text first.' });
