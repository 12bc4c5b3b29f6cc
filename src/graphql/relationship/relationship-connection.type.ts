import type { RelationshipRecord } from '../../domain/records';
import { connectionTypes } from '../connection/connection.type';
import { Relationship } from './relationship.type';

export const RelationshipConnection = connectionTypes<RelationshipRecord>('Relationship', () => Relationship);
