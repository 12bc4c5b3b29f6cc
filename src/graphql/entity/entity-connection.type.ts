import type { EntityRecord } from '../../domain/records';
import { connectionTypes } from '../connection/connection.type';
import { Entity } from './entity.interface';

export const EntityConnection = connectionTypes<EntityRecord>('Entity', () => Entity);
