import type { ChangeRecord } from '../../src/domain/change';
import { RelationshipType } from '../../src/domain/enums';
import { ErrorCode } from '../../src/domain/errors';
import type { RelationshipRecord } from '../../src/domain/records';
import type { WriteOp } from '../../src/ports/graph-writes';
import type { Store } from '../../src/ports/store';
import { person, relationship } from './records';
import { MEETING_ID } from './seed-source';

/**
 * Bad write batches over the seed, each with the refusal every store must give (code, message and
 * details, as a caller sees them), for the write contract and its differential script.
 */

export const KIBHR_HOLDS = 'rel-r-akylbekova-holds-position-kibhr';
/** Has kibhr as onBehalfOf only. */
export const KIBHR_SPOKE = 'rel-r-akylbekova-spoke-at-dphd-cab-concluding-meeting-2023';

export const meetingAttendance = (id: string): RelationshipRecord => relationship(id, RelationshipType.ATTENDED, MEETING_ID);

/** What a write came to: ok, or the refusal as a caller would see it. */
export async function outcome(store: Store, ops: readonly WriteOp[], changes: readonly ChangeRecord[] = []): Promise<unknown> {
  try {
    await store.write(ops, changes);
    return 'ok';
  } catch (e) {
    const err = e as { code?: unknown; message: string; details?: unknown };
    return { code: err.code ?? 'plain Error', message: err.message, details: err.details };
  }
}

/** [title, the batch, the refusal]; none of them may change anything. */
export const REFUSALS: readonly [string, () => WriteOp[], unknown][] = [
  [
    'a relationship to a missing entity',
    () => [{ op: 'putRelationship', relationship: meetingAttendance('ghost') }],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `relationship "rel-ghost-attended-${MEETING_ID}" refers to entity "ghost" as fromId, which does not exist`,
      details: { op: 0, id: `rel-ghost-attended-${MEETING_ID}`, fromId: 'ghost' },
    },
  ],
  [
    'a missing onBehalfOf',
    () => [{ op: 'putRelationship', relationship: relationship('kibhr', RelationshipType.SPOKE_AT, MEETING_ID, 'ghost') }],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `relationship "rel-kibhr-spoke-at-${MEETING_ID}" refers to entity "ghost" as onBehalfOfId, which does not exist`,
      details: { op: 0, id: `rel-kibhr-spoke-at-${MEETING_ID}`, onBehalfOfId: 'ghost' },
    },
  ],
  [
    'deleting an unknown entity',
    () => [{ op: 'deleteEntity', id: 'ghost' }],
    { code: ErrorCode.NOT_FOUND, message: 'no entity "ghost" to delete', details: { op: 0, id: 'ghost' } },
  ],
  [
    'deleting an unknown relationship',
    () => [{ op: 'deleteRelationship', id: 'rel-ghost' }],
    { code: ErrorCode.NOT_FOUND, message: 'no relationship "rel-ghost" to delete', details: { op: 0, id: 'rel-ghost' } },
  ],
  [
    'deleting an entity that onBehalfOf still refers to',
    () => [
      { op: 'deleteRelationship', id: KIBHR_HOLDS },
      { op: 'deleteEntity', id: 'kibhr' },
    ],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `entity "kibhr" cannot be deleted: 1 relationship still refers to it ("${KIBHR_SPOKE}"); remove or move them first`,
      details: { op: 1, id: 'kibhr', relationshipIds: [KIBHR_SPOKE] },
    },
  ],
  [
    'a third op that is bad after two good ones',
    () => [
      { op: 'putEntity', entity: person('newcomer') },
      { op: 'putRelationship', relationship: meetingAttendance('newcomer') },
      { op: 'deleteEntity', id: 'newcomer' },
    ],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `entity "newcomer" cannot be deleted: 1 relationship still refers to it ("rel-newcomer-attended-${MEETING_ID}"); remove or move them first`,
      details: { op: 2, id: 'newcomer', relationshipIds: [`rel-newcomer-attended-${MEETING_ID}`] },
    },
  ],
  [
    'a relationship to an entity deleted earlier in the batch',
    () => [
      { op: 'deleteRelationship', id: KIBHR_HOLDS },
      { op: 'deleteRelationship', id: KIBHR_SPOKE },
      { op: 'deleteEntity', id: 'kibhr' },
      { op: 'putRelationship', relationship: relationship('kibhr', RelationshipType.ATTENDED, MEETING_ID) },
    ],
    {
      code: ErrorCode.BAD_USER_INPUT,
      message: `relationship "rel-kibhr-attended-${MEETING_ID}" refers to entity "kibhr" as fromId, which does not exist`,
      details: { op: 3, id: `rel-kibhr-attended-${MEETING_ID}`, fromId: 'kibhr' },
    },
  ],
];
