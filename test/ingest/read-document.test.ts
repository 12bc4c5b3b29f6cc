import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, ErrorCode } from '../../src/domain/errors';
import { MAX_DOCUMENT_BYTES, readDocument } from '../../src/ingest/read-document';
import { FIXTURES } from './ingest-fixtures';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const refused = (input: Uint8Array, fileName: string, message: RegExp): void => {
  let error: unknown;
  try {
    readDocument(input, { fileName });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
  expect((error as DomainError).message).toMatch(message);
};

describe('reading a document', () => {
  it('keeps plain text as it is and takes publishedAt from the dateline', () => {
    const raw = readFileSync(join(FIXTURES, 'dev', '01-roundtable-torture-prevention.txt'));
    const doc = readDocument(raw, { fileName: '01.txt' });
    expect(doc.text).toBe(raw.toString('utf8'));
    expect(doc.publishedAt).toBe('2024-02-12');
    expect(doc.title).toBe('01');
  });

  it('reads the main text of an HTML page, without its navigation, aside or footer', () => {
    const doc = readDocument(readFileSync(join(FIXTURES, 'dev', '17-roundtable-torture-prevention-html.html')), { fileName: 'page.html' });
    expect(doc.text).toContain('chaired by Deputy Minister of Foreign Affairs Roman Vassilenko.');
    expect(doc.text).not.toMatch(/Home|Contacts|Related news|All rights reserved/);
    expect(doc.text.split('\n\n')[0]).toBe('Astana, 12 February 2024');
    expect(doc.publishedAt).toBe('2024-02-12');
  });

  it('refuses empty, binary, oversized, boilerplate-only and non-English documents with clear messages', () => {
    refused(new Uint8Array(0), 'empty.txt', /empty\.txt: the file is empty/);
    refused(bytes('   \n\n  '), 'blank.txt', /no text to extract from/);
    refused(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image.png', /binary data/);
    refused(Uint8Array.from([0xff, 0xfe, 0x41, 0x42, 0xc3]), 'latin1.txt', /not UTF-8/);
    refused(new Uint8Array(5 * 1024 * 1024).fill(0x61), 'big.txt', new RegExp(`more than the ${MAX_DOCUMENT_BYTES} accepted`));
    refused(bytes('<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav><footer>© 2024</footer></body></html>'), 'menu.html', /HTML page has no main text/);
    refused(
      bytes('Министерство иностранных дел Республики Казахстан провело заседание Консультативно-совещательного органа по правам человека под председательством заместителя министра.'),
      'ru.txt',
      /does not look like English/,
    );
    refused(
      bytes("Le ministère des Affaires étrangères a organisé une table ronde sur la prévention de la torture, présidée par le vice-ministre, avec des représentants d'organisations."),
      'fr.txt',
      /does not look like English/,
    );
  });
});
