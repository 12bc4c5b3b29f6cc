import { extname } from 'node:path';
import { badInput } from '../domain/errors';
import { datelineDate } from './dates';
import type { IngestDocument } from './extract';
import { htmlMainText } from './html-text';

/** Documents above this many bytes are refused: a press release is a few kilobytes. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
/** Below this many letters there is nothing to extract from. */
const MIN_LETTERS = 40;

export interface DocumentMeta {
  readonly fileName: string;
  readonly title?: string | null;
  readonly publisher?: string | null;
  readonly publishedAt?: string | null;
  readonly url?: string | null;
}

// The commonest English function words: running text in English has many of them (~30-40% of
// words); a text in another language has almost none, whatever its script.
const ENGLISH = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'with', 'by', 'was', 'is', 'were', 'as', 'at', 'that', 'from', 'an', 'be', 'his', 'her', 'this', 'which', 'are', 'has', 'had']);
const MIN_ENGLISH_SHARE = 0.12;

/** The share of a text's words that are common English function words. */
export function englishShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH.has(w)).length / words.length;
}

const isHtml = (fileName: string, text: string): boolean =>
  /\.x?html?$/i.test(extname(fileName)) || /^\s*(<!doctype html|<html[\s>])/i.test(text);

/**
 * Reads a plain-text or HTML document as it will be stored (a Source's text), or refuses it with
 * a BAD_USER_INPUT DomainError saying why: empty, too large, binary, no main text, not English.
 * The title defaults to the HTML title or the file name; publishedAt to the dateline's date.
 */
export function readDocument(bytes: Uint8Array, meta: DocumentMeta): IngestDocument {
  const name = meta.fileName;
  if (bytes.length === 0) throw badInput(`${name}: the file is empty`);
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw badInput(`${name}: ${bytes.length} bytes is more than the ${MAX_DOCUMENT_BYTES} accepted for one document (a press release is a few kilobytes); split it`);
  }
  if (bytes.includes(0)) throw badInput(`${name}: binary data (NUL bytes), not a text or HTML document`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badInput(`${name}: not UTF-8 text; save it as UTF-8 or HTML`);
  }
  raw = raw.replace(/^\uFEFF/, '');
  let controls = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31)) controls++;
  }
  if (controls > raw.length / 100) throw badInput(`${name}: binary data (control characters), not a text or HTML document`);
  let text = raw.replace(/\r\n?/g, '\n');
  let title = meta.title ?? null;
  if (isHtml(name, text)) {
    const html = htmlMainText(text);
    if (!html.text) throw badInput(`${name}: the HTML page has no main text (nothing but navigation, boilerplate or scripts)`);
    text = html.text;
    title ??= html.title;
  }
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) throw badInput(`${name}: no text to extract from`);
  const share = englishShare(text);
  if (share < MIN_ENGLISH_SHARE) {
    throw badInput(`${name}: the text does not look like English (${Math.round(share * 100)}% common English words); only English documents can be ingested`);
  }
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  return {
    text,
    title: title ?? name.replace(/\.[^.]+$/, ''),
    publishedAt: meta.publishedAt ?? datelineDate(firstLine),
    publisher: meta.publisher ?? null,
    url: meta.url ?? null,
  };
}
