import { EntityKind, RelationshipType } from '../../src/domain/enums';
import { extractDocument } from '../../src/ingest/extract';
import type { Extraction } from '../../src/ingest/extraction';
import type { Gazetteer } from '../../src/ingest/gazetteer';
import { readDocument } from '../../src/ingest/read-document';
import { labelledDocuments, seedBatch, seedGazetteer } from './ingest-fixtures';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await seedGazetteer();
});

const extract = (text: string, publishedAt: string | null = '2024-05-01'): Extraction => extractDocument({ text, title: 't', publishedAt }, gazetteer);
const entity = (x: Extraction, ref: string | null) => x.entities.find((e) => e.ref === ref);
const rels = (x: Extraction, type: RelationshipType) => x.relationships.filter((r) => r.type === type);
const names = (x: Extraction, type: RelationshipType): string[] => rels(x, type).map((r) => entity(x, r.from)?.existingId ?? entity(x, r.from)?.name ?? '?').sort();

function expectWellFormed(x: Extraction): void {
  const refs = new Set(x.entities.map((e) => e.ref));
  expect(refs.size).toBe(x.entities.length);
  for (const item of [...x.entities, ...x.relationships]) {
    expect(item.evidence.length).toBeGreaterThan(0);
    for (const ev of item.evidence) {
      expect(ev.quote.length).toBeGreaterThan(0);
      expect(x.source.text.slice(ev.start, ev.end)).toBe(ev.quote);
    }
  }
  for (const r of x.relationships) {
    for (const ref of [r.from, r.to, r.onBehalfOf]) if (ref !== null) expect(refs.has(ref)).toBe(true);
  }
}

describe('extraction from a document', () => {
  it.each(labelledDocuments())('%s: every quote is the text at its offsets, every ref is an entity', (file, bytes) => {
    expectWellFormed(extractDocument(readDocument(bytes, { fileName: file }), gazetteer));
  });

  it("recovers the founding source's CHAIRED, SPOKE_AT, HOSTED and ATTENDED facts from the seed graph", async () => {
    const batch = await seedBatch();
    const source = batch.sources[0]!;
    const x = extract(source.text ?? '', source.publishedAt);
    expectWellFormed(x);
    const event = x.entities.find((e) => e.kind === EntityKind.EVENT)!;
    expect(event.existingId).toBe('dphd-cab-concluding-meeting-2023');
    expect(event).toMatchObject({ date: '2023-12-14', dateFrom: 'DATELINE' });
    for (const type of [RelationshipType.CHAIRED, RelationshipType.SPOKE_AT, RelationshipType.HOSTED, RelationshipType.ATTENDED]) {
      const want = batch.relationships.filter((r) => r.type === type && r.toId === event.existingId).map((r) => r.fromId).sort();
      expect(names(x, type).filter((n) => want.includes(n))).toEqual(want);
    }
    const chair = rels(x, RelationshipType.CHAIRED)[0]!;
    expect(chair.evidence[0]!.quote).toBe('chaired by Deputy Foreign Minister Roman Vassilenko');
    expect(entity(x, chair.onBehalfOf)?.existingId).toBe('kz-mfa');
  });

  it('resolves "Mr. Vassilenko", "R. Vassilenko", "Р. Vassilenko" and "Deputy Foreign Minister Roman Vassilenko" to roman-vassilenko', () => {
    for (const text of [
      'Astana, 2 May 2024\n\nThe Ministry of Justice hosted a seminar. Mr. Vassilenko noted the reforms.',
      'Astana, 2 May 2024\n\nThe Ministry of Justice hosted a seminar. R. Vassilenko noted the reforms.',
      'Astana, 2 May 2024\n\nThe Ministry of Justice hosted a seminar. Р. Vassilenko noted the reforms.',
      'Astana, 2 May 2024\n\nThe Ministry of Justice hosted a seminar. Deputy Foreign Minister Roman Vassilenko noted the reforms.',
    ]) {
      const x = extract(text);
      const speakers = rels(x, RelationshipType.SPOKE_AT).map((r) => entity(x, r.from)?.existingId);
      expect(speakers).toEqual(['roman-vassilenko']);
      expect(x.entities.filter((e) => e.kind === EntityKind.PERSON)).toHaveLength(1);
    }
  });

  it('resolves "UN OHCHR" and "OHCHR" to the OHCHR, and a title to the organization it implies', () => {
    const x = extract('Astana, 2 May 2024\n\nThe UNDP hosted a round table attended by the UN OHCHR. The seminar was moderated by Deputy Minister of Foreign Affairs Roman Vassilenko.');
    expect(names(x, RelationshipType.ATTENDED)).toEqual(['ohchr']);
    const y = extract('Astana, 2 May 2024\n\nThe UNDP hosted a round table attended by OHCHR.');
    expect(names(y, RelationshipType.ATTENDED)).toEqual(['ohchr']);
    const position = rels(x, RelationshipType.HOLDS_POSITION)[0]!;
    expect(entity(x, position.to)?.existingId).toBe('kz-mfa');
    expect(position.role).toBe('Deputy Minister of Foreign Affairs');
  });

  it('proposes a title without an organization with to: null and a note for the reviewer', () => {
    const x = extract('Astana, 2 May 2024\n\nThe UNDP hosted a briefing. Ambassador-at-Large Marat Sarsenbayev spoke about the national report.');
    const position = rels(x, RelationshipType.HOLDS_POSITION)[0]!;
    expect(position).toMatchObject({ to: null, role: 'Ambassador-at-Large' });
    expect(position.reviewNote).toMatch(/organization/);
    expect(entity(x, position.from)).toMatchObject({ name: 'Marat Sarsenbayev', existingId: null });
  });

  it('does not propose generic groups, supporters or a merely mentioned president as participants', () => {
    const x = extract(
      'Astana, 2 May 2024\n\nThe Ministry of Justice hosted a seminar on public councils. ' +
        'It was attended by NGOs, local NGOs and representatives of government agencies. ' +
        'The seminar was held with the support of the United Nations Development Programme and with the assistance of the OSCE. ' +
        'Aliya Nurmagambetova said that the draft had been prepared on the instruction of President Kassym-Jomart Tokayev.',
    );
    expectWellFormed(x);
    expect(x.entities.map((e) => e.name.toLowerCase())).not.toEqual(expect.arrayContaining([expect.stringMatching(/ngos|agencies/)]));
    expect(rels(x, RelationshipType.ATTENDED)).toEqual([]);
    expect(names(x, RelationshipType.SPOKE_AT)).toEqual(['Aliya Nurmagambetova']);
  });

  it('keeps a year between the event noun and its "of" tail in the event name', () => {
    const x = extract('Almaty, 3 June 2025 – The Ombudsman hosted the second session in 2025 of the Expert Council on Detention Conditions.');
    const event = x.entities.find((e) => e.kind === EntityKind.EVENT);
    expect(event?.name).toBe('Second session in 2025 of the Expert Council on Detention Conditions');
    expectWellFormed(x);
  });

  it('takes the date from the text or the publication date when there is no dateline, and says which', () => {
    const fromText = extract('The Ministry of Justice hosted a seminar on 14 March 2024 in Astana.', '2024-03-20');
    expect(fromText.entities.find((e) => e.kind === EntityKind.EVENT)).toMatchObject({ date: '2024-03-14', dateFrom: 'TEXT' });
    const published = extract('The Ministry of Justice hosted a seminar in Astana.', '2024-03-20');
    expect(published.entities.find((e) => e.kind === EntityKind.EVENT)).toMatchObject({ date: '2024-03-20', dateFrom: 'PUBLISHED_AT' });
  });
});
