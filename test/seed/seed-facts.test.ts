import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RelationshipType as T } from '../../src/domain/enums';
import { loadSeedDirectory } from '../../src/seed/read-seed';
import { projectRoot } from '../../src/paths';
import { FOUNDING_SOURCE_ID, FOUNDING_TEXT, MEETING_ID } from '../support/seed-source';

/** Awaited, so the suite reads the seed the same way whether the loader answers at once or asynchronously. */
let seed: Awaited<ReturnType<typeof loadSeedDirectory>>;
beforeAll(async () => {
  seed = await loadSeedDirectory();
});
const entity = (id: string) => seed.entities.find((e) => e.id === id);
const has = (fromId: string, type: T, toId: string) =>
  seed.relationships.find((r) => r.fromId === fromId && r.type === type && r.toId === toId);

describe('the seed graph of the founding source', () => {
  it('ships the founding source byte for byte, without a url', () => {
    const shared = join(projectRoot(), '..', 'shared', 'sources', `${FOUNDING_SOURCE_ID}.txt`);
    if (existsSync(shared)) expect(FOUNDING_TEXT).toBe(readFileSync(shared, 'utf8'));
    const source = seed.sources.find((s) => s.id === FOUNDING_SOURCE_ID);
    expect(source).toMatchObject({ publishedAt: '2023-12-14', url: null });
    expect(source?.text).toBe(FOUNDING_TEXT);
  });

  it('gives every entity and relationship evidence quoted verbatim from the source', () => {
    const all = [...seed.entities, ...seed.relationships];
    for (const item of all) {
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const e of item.evidence) {
        expect(e.sourceId).toBe(FOUNDING_SOURCE_ID);
        expect(FOUNDING_TEXT.includes(e.quote)).toBe(true);
      }
    }
  });

  it('names the people as the source writes them, initials and the Cyrillic Р included', () => {
    expect(entity('roman-vassilenko')?.aliases).toEqual(expect.arrayContaining(['R. Vassilenko', 'Р. Vassilenko']));
    expect(entity('roman-vassilenko')?.aliases.some((a) => a.startsWith('\u0420'))).toBe(true);
    expect(entity('saltanat-tursynbekova')?.name).toBe('Saltanat Tursynbekova');
    for (const id of ['a-kayirbekov', 'b-zhakaev', 'r-akylbekova']) expect(entity(id)?.kind).toBe('PERSON');
    expect(entity('national-centre-for-human-rights')?.aliases).toContain('National Center for Human Rights');
  });

  it('states who hosted, chaired, spoke at and attended the concluding meeting', () => {
    expect(entity(MEETING_ID)).toMatchObject({ kind: 'EVENT', date: '2023-12-14' });
    expect(has('kz-mfa', T.HOSTED, MEETING_ID)).toBeDefined();
    expect(has('roman-vassilenko', T.CHAIRED, MEETING_ID)).toBeDefined();
    for (const speaker of ['roman-vassilenko', 'saltanat-tursynbekova', 'a-kayirbekov', 'b-zhakaev', 'r-akylbekova']) {
      expect(has(speaker, T.SPOKE_AT, MEETING_ID)).toBeDefined();
    }
    for (const body of [
      'commission-on-human-rights-under-the-president',
      'national-centre-for-human-rights',
      'general-prosecutors-office',
      'relevant-ministries',
      'kazakh-human-rights-ngos',
      'undp',
      'ohchr',
      'eu-delegation-to-kazakhstan',
    ]) {
      expect(has(body, T.ATTENDED, MEETING_ID)).toBeDefined();
    }
    expect(has('commission-on-human-rights-under-the-president', T.ATTENDED, MEETING_ID)?.role).toBe('Deputy Chairman');
  });

  /** Every CHAIRED and SPOKE_AT of the seed: [type, speaker, on behalf of, role]. Any change to them must show here. */
  const SPEAKERS: readonly [T, string, string, string][] = [
    [T.CHAIRED, 'roman-vassilenko', 'kz-mfa', 'Deputy Foreign Minister'],
    [T.SPOKE_AT, 'roman-vassilenko', 'kz-mfa', 'Deputy Foreign Minister'],
    [T.SPOKE_AT, 'saltanat-tursynbekova', 'national-centre-for-human-rights', 'Head'],
    [T.SPOKE_AT, 'a-kayirbekov', 'mia-criminal-executive-system-committee', 'First Deputy'],
    [T.SPOKE_AT, 'b-zhakaev', 'npm-coordinating-council', 'member'],
    [T.SPOKE_AT, 'r-akylbekova', 'kibhr', 'Deputy Director'],
  ];

  it('records on whose behalf, and in what role, every chair and speaker acted', () => {
    const actual = seed.relationships
      .filter((r) => r.type === T.CHAIRED || r.type === T.SPOKE_AT)
      .map((r) => [r.type, r.fromId, r.onBehalfOfId, r.role]);
    expect(actual.sort()).toEqual([...SPEAKERS].sort());
    for (const r of seed.relationships.filter((r) => r.type === T.CHAIRED || r.type === T.SPOKE_AT)) {
      expect(r.toId).toBe(MEETING_ID);
    }
  });

  it.each(SPEAKERS)('%s by %s on behalf of %s rests on a sourced post or membership with the same role', (type, speaker, body, role) => {
    expect(entity(body)?.kind).toBe('ORGANIZATION');
    const post = has(speaker, T.HOLDS_POSITION, body) ?? has(speaker, T.MEMBER_OF, body);
    expect(post?.role).toBe(role);
    expect(post?.evidence.length).toBeGreaterThan(0);
    expect(has(speaker, type, MEETING_ID)?.evidence.length).toBeGreaterThan(0);
  });

  it('introduces B. Zhakaev, in the quote of his speech, as a member of the council he spoke for', () => {
    const spoke = has('b-zhakaev', T.SPOKE_AT, MEETING_ID);
    expect(spoke?.evidence.map((e) => e.quote)).toContainEqual(
      expect.stringContaining('a member of the Coordinating Council of the National Preventive Mechanism against Torture'),
    );
    expect(has('b-zhakaev', T.MEMBER_OF, 'npm-coordinating-council')?.evidence[0]?.confidence).toBe('HIGH');
  });

  it('states the posts, memberships and structure the source gives', () => {
    expect(has('roman-vassilenko', T.HOLDS_POSITION, 'kz-mfa')?.role).toBe('Deputy Foreign Minister');
    expect(has('saltanat-tursynbekova', T.HOLDS_POSITION, 'national-centre-for-human-rights')?.role).toBe('Head');
    expect(has('r-akylbekova', T.HOLDS_POSITION, 'kibhr')?.role).toBe('Deputy Director');
    expect(has('a-kayirbekov', T.HOLDS_POSITION, 'mia-criminal-executive-system-committee')).toBeDefined();
    expect(has('b-zhakaev', T.MEMBER_OF, 'npm-coordinating-council')).toBeDefined();
    expect(has('npm-coordinating-council', T.PART_OF, 'npm-against-torture')).toBeDefined();
    expect(has('npm-against-torture', T.PART_OF, 'commissioner-for-human-rights')).toBeDefined();
    expect(has('mia-criminal-executive-system-committee', T.PART_OF, 'ministry-of-internal-affairs')).toBeDefined();
    expect(has('kazakhstan', T.MEMBER_OF, 'un')).toBeDefined();
    expect(has(MEETING_ID, T.PART_OF, 'dphd-cab')).toBeDefined();
  });

  it('states the laws and treaties raised, and by whom', () => {
    expect(has('roman-vassilenko', T.REFERENCED, 'udhr')).toBeDefined();
    expect(has('b-zhakaev', T.REFERENCED, 'kz-law-detention-special-institutions')).toBeDefined();
    expect(has('b-zhakaev', T.REFERENCED, 'convention-against-torture')).toBeDefined();
    expect(has('b-zhakaev', T.PROPOSED, 'proposed-codified-law-conditions-of-detention')).toBeDefined();
    expect(entity('kz-law-detention-special-institutions')).toMatchObject({ kind: 'LAW', country: 'KZ' });
  });

  it('states the background: established in 2013 at the MFA initiative, observed by UNDP, OHCHR and OSCE', () => {
    expect(has('kz-mfa', T.ESTABLISHED, 'dphd-cab')?.startDate).toBe('2013');
    for (const observer of ['undp', 'ohchr', 'osce']) expect(has(observer, T.OBSERVES, 'dphd-cab')).toBeDefined();
    expect(entity('dphd-cab')?.aliases).toContain('DPHD CAB');
  });

  it('states what the meeting discussed and approved', () => {
    expect(has(MEETING_ID, T.DISCUSSED, 'measures-to-counteract-torture')).toBeDefined();
    expect(has(MEETING_ID, T.APPROVED, 'dphd-cab-work-plan-2024')).toBeDefined();
    expect(entity('dphd-cab-work-plan-2024')?.kind).toBe('DOCUMENT');
  });

  describe('two statements of the source, quoted as evidence', () => {
    const quotesOf = (item: { evidence: readonly { quote: string }[] } | undefined) => item?.evidence.map((e) => e.quote) ?? [];

    it('the torture-investigation transfer "affirms the inevitability of punishment for arbitrariness in law enforcement"', () => {
      const sentence =
        'This ensures the objectivity and impartiality of the investigation and affirms the inevitability of punishment for arbitrariness in law enforcement.';
      expect(FOUNDING_TEXT).toContain(sentence);
      const transfer = entity('torture-investigation-transfer-to-prosecutors-office');
      expect(transfer?.kind).toBe('TOPIC');
      expect(quotesOf(transfer)).toContain(sentence);
      expect(transfer?.description).toContain('inevitability of punishment for arbitrariness in law enforcement');
      expect(has('saltanat-tursynbekova', T.DISCUSSED, 'torture-investigation-transfer-to-prosecutors-office')).toBeDefined();
    });

    it('"representatives of government agencies and NGOs providing practical recommendations …" is a topic the meeting discussed', () => {
      const phrase =
        'representatives of government agencies and NGOs providing practical recommendations for the systematic improvement of the legislative framework';
      const topicId = 'practical-recommendations-human-rights-legislative-framework';
      const topic = entity(topicId);
      expect(topic?.kind).toBe('TOPIC');
      expect(quotesOf(topic)).toContainEqual(expect.stringContaining(phrase));
      const discussed = has(MEETING_ID, T.DISCUSSED, topicId);
      expect(discussed?.id).toBe(`rel-${MEETING_ID}-discussed-${topicId}`);
      expect(quotesOf(discussed)).toContainEqual(expect.stringContaining(`The discussion of the agenda was open and constructive, with ${phrase}`));
      for (const q of [...quotesOf(topic), ...quotesOf(discussed)]) expect(FOUNDING_TEXT).toContain(q);
    });
  });

});
