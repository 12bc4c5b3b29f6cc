import { registerEnumType } from 'type-graphql';
import { ChangeOperation } from '../../domain/change';

registerEnumType(ChangeOperation, { name: 'ChangeOperation', description: 'What kind of edit an audit entry records.' });
