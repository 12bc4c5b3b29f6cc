import { EntityKind, OrgType } from '../../src/domain/enums';
import type { EntityRecord } from '../../src/domain/records';
import { findDuplicatePairs, MAX_BLOCK } from '../../src/editing/duplicate-candidates';

function entity(id: string, name: string, kind = EntityKind.ORGANIZATION, aliases: string[] = []): EntityRecord {
  return {
    id,
    kind,
    name,
    aliases,
    description: null,
    orgType: kind === EntityKind.ORGANIZATION ? OrgType.OTHER : null,
    country: null,
    date: null,
    evidence: [],
  };
}

const pairs = (entities: EntityRecord[]) =>
  findDuplicatePairs(entities).map((p) => [p.entities[0].id, p.entities[1].id, p.score, p.reason]);

describe('findDuplicatePairs', () => {
  it('names each reason, best reason per pair, by score then ids', () => {
    const result = pairs([
      entity('p-roman', 'Roman Vassilenko', EntityKind.PERSON),
      entity('p-r', 'R. Vassilenko', EntityKind.PERSON),
      entity('o-centre', 'National Centre for Human Rights'),
      entity('o-center', 'National Center for Human Rights'),
      entity('o-cyr', 'OHCНR Office', EntityKind.ORGANIZATION), // Cyrillic Н
      entity('o-lat', 'OHCHR Office'),
      entity('o-full', 'Office of the High Commissioner for Human Rights'),
      entity('o-acr', 'OHCHR'),
      entity('o-same-1', 'Ministry of Justice'),
      entity('o-same-2', 'ministry of  justice'),
    ]);
    expect(result).toEqual([
      ['o-same-1', 'o-same-2', 1, 'same normalized name: "Ministry of Justice" / "ministry of  justice"'],
      ['o-cyr', 'o-lat', 0.95, 'Latin/Cyrillic look-alike letters: "OHCНR Office" / "OHCHR Office"'],
      ['o-center', 'o-centre', 0.9, 'spelling variant: "National Center for Human Rights" / "National Centre for Human Rights"'],
      ['p-r', 'p-roman', 0.8, 'initials and surname: "R. Vassilenko" / "Roman Vassilenko"'],
      ['o-acr', 'o-full', 0.75, 'acronym of the other name: "OHCHR" / "Office of the High Commissioner for Human Rights"'],
    ]);
  });

  it('pairs only entities of the same kind, and an entity never with itself', () => {
    expect(pairs([entity('a', 'Astana', EntityKind.EVENT), entity('b', 'Astana', EntityKind.ORGANIZATION)])).toEqual([]);
    expect(pairs([entity('a', 'National Centre', EntityKind.ORGANIZATION, ['National Center'])])).toEqual([]);
  });

  it('matches aliases too', () => {
    const result = pairs([entity('a', 'Human Rights Commission', EntityKind.ORGANIZATION, ['HRC']), entity('b', 'HRC')]);
    expect(result[0]).toEqual(['a', 'b', 1, 'same normalized name: "HRC" / "HRC"']);
  });

  it('finds a shared acronym of three letters or more, not of two', () => {
    const result = pairs([
      entity('a', 'National Commission on Human Rights'),
      entity('b', 'National Centre for Human Rights'),
      entity('c', 'John Smith', EntityKind.PERSON),
      entity('d', 'Jane Sokolova', EntityKind.PERSON),
    ]);
    expect(result).toEqual([['a', 'b', 0.5, 'shared acronym: "National Commission on Human Rights" / "National Centre for Human Rights"']]);
  });

  it('skips an oversized block instead of comparing all of it', () => {
    const smiths = (n: number) => [
      entity('j', 'J. Smith', EntityKind.PERSON),
      ...Array.from({ length: n }, (_, i) => entity(`p${i}`, `John${i} Smith`, EntityKind.PERSON)),
    ];
    expect(pairs(smiths(1))).toEqual([['j', 'p0', 0.8, 'initials and surname: "J. Smith" / "John0 Smith"']]);
    expect(pairs(smiths(MAX_BLOCK))).toEqual([]);
  });
});
