import { RelationshipType } from '../../src/domain/enums';
import { firstFreeId, relationshipSlug, slugOf } from '../../src/editing/ids';

describe('generated ids', () => {
  it('slugs names to kebab-case ASCII the way search folds them', () => {
    expect(slugOf('National Centre for Human Rights')).toBe('national-center-for-human-rights');
    expect(slugOf('  Žanna  Ömirbek – OSCE/ODIHR ')).toBe('zanna-omirbek-osce-odihr');
    // Look-alike folding applies, and letters with no ASCII form drop out (the caller falls back).
    expect(slugOf('Гульнара Р. Smith')).toBe('p-smith');
    expect(slugOf('!!!')).toBe('');
    expect(slugOf('x'.repeat(300)).length).toBe(180);
  });

  it('names relationships rel-<from>-<type>-<to>', () => {
    expect(relationshipSlug('a', RelationshipType.HOLDS_POSITION, 'b')).toBe('rel-a-holds-position-b');
  });

  it('suffixes -2, -3, ... on collision, asking about candidates in batches', async () => {
    const taken = new Set(['x', ...Array.from({ length: 24 }, (_, i) => `x-${i + 2}`)]);
    const asked: string[][] = [];
    const free = await firstFreeId('x', async (ids) => {
      asked.push(ids);
      return ids.map((id) => taken.has(id));
    });
    expect(free).toBe('x-26');
    expect(asked).toHaveLength(2);
    expect(await firstFreeId('y', async (ids) => ids.map(() => false))).toBe('y');
  });
});
