import { RelationshipType } from '../domain/enums';

/**
 * How each relationship is said, one table. `active`: the actor comes before the phrase ("X chaired",
 * "X noted"); `passive`: the actors follow it, as a list ("chaired by X", "attended by X, Y and Z").
 */
export interface Trigger {
  readonly type: RelationshipType;
  readonly voice: 'active' | 'passive';
  readonly pattern: RegExp;
}

const t = (type: RelationshipType, voice: Trigger['voice'], words: string): Trigger => ({
  type,
  voice,
  pattern: new RegExp(`\\b(?:${words})\\b`, 'gi'),
});

export const TRIGGERS: readonly Trigger[] = [
  t(RelationshipType.HOSTED, 'passive', '(?:co-)?hosted by|organi[sz]ed by|convened by'),
  t(RelationshipType.HOSTED, 'active', '(?:co-)?hosted|organi[sz]ed|convened|held(?! (?:at|in|on|with)\\b)'),
  t(RelationshipType.CHAIRED, 'passive', '(?:co-)?chaired by|moderated by|presided over by|under the chairmanship of'),
  t(RelationshipType.CHAIRED, 'active', '(?:co-)?chaired|moderated|presided over'),
  t(RelationshipType.ATTENDED, 'passive', 'attended by|joined by|(?:P|p)articipants included|(?:T|t)his included|featured|with the participation of|brought together(?: representatives of)?|among the participants were'),
  t(RelationshipType.ATTENDED, 'active', 'attended|took part|participated'),
  t(RelationshipType.SPOKE_AT, 'passive', '(?:S|s)peakers included'),
  t(
    RelationshipType.SPOKE_AT,
    'active',
    'noted|said|stated|stressed|emphasi[sz]ed|highlighted|underlined|informed|presented|delivered|spoke|addressed|pointed out|raised|briefed|welcomed|called for|proposed|shared|outlined|reported|expressed|told|explained|announced',
  ),
  t(RelationshipType.OBSERVES, 'passive', 'as (?:an )?observers?|serving as observers?|in an observer capacity'),
];

/** Phrases after which the actors named did not take part: support, funding, instruction. */
export const NOT_PARTICIPATION =
  /\b(?:with the (?:financial |technical )?(?:support|assistance) of|supported by|funded by|sponsored by|on the instruction of|at the initiative of|on the initiative of)\b/gi;

/** "Speaking on behalf of the Ministry ..., X said": whose voice the speaker is. */
export const ON_BEHALF_OF = /\bon behalf of\b/gi;
