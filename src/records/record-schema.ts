import { z } from 'zod';
import { Confidence, EntityKind, OrgType, RelationshipType } from '../domain/enums';
import { isPartialDate } from '../domain/partial-date';

/**
 * The line shape of seed and import files (JSON Lines): one record per line, tagged by `record`,
 * with the fields of the matching GraphQL input. One schema for the seed loader and the importer.
 */

const id = z.string().trim().min(1).max(200).regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u, 'ids are letters, digits, . _ : -');
const text = (max: number) => z.string().trim().min(1).max(max);
const partialDate = z.string().refine(isPartialDate, 'expected a PartialDate: YYYY, YYYY-MM or YYYY-MM-DD');
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

/** A string index (domain/quote-span): exports write it, a hand-written file may leave it out. */
const offset = z.number().int().nonnegative().optional();

export const evidenceSchema = z
  .strictObject({
    sourceId: id,
    quote: text(2000),
    confidence: z.enum(Confidence).default(Confidence.HIGH),
    /** Checked against the source's text with the quote (records/validate-graph); found there when absent. */
    start: offset,
    end: offset,
  })
  .refine((e) => (e.start === undefined) === (e.end === undefined), { message: 'give both start and end, or neither', path: ['end'] });

export const sourceLineSchema = z
  .strictObject({
    record: z.literal('source'),
    id,
    title: text(500),
    publisher: optional(text(300)),
    publishedAt: optional(partialDate),
    url: optional(z.url()),
    text: optional(z.string().min(1)),
    /** Seed files may keep long texts beside them; resolved relative to the seed file. */
    textFile: optional(z.string().min(1)),
  })
  .refine((s) => (s.text === null) !== (s.textFile === null), 'a source needs exactly one of text or textFile');

export const entityLineSchema = z.strictObject({
  record: z.literal('entity'),
  id,
  kind: z.enum(EntityKind),
  name: text(500),
  aliases: z.array(text(500)).default([]),
  description: optional(text(2000)),
  orgType: optional(z.enum(OrgType)),
  country: optional(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as KZ')),
  date: optional(partialDate),
  evidence: z.array(evidenceSchema).min(1, 'every entity needs at least one evidence item'),
});

export const relationshipLineSchema = z.strictObject({
  record: z.literal('relationship'),
  id,
  type: z.enum(RelationshipType),
  fromId: id,
  toId: id,
  role: optional(text(300)),
  onBehalfOfId: optional(id),
  startDate: optional(partialDate),
  endDate: optional(partialDate),
  description: optional(text(2000)),
  evidence: z.array(evidenceSchema).min(1, 'every relationship needs at least one evidence item'),
});

export const lineSchema = z.discriminatedUnion('record', [
  sourceLineSchema,
  entityLineSchema,
  relationshipLineSchema,
]);

export type EvidenceLine = z.infer<typeof evidenceSchema>;
export type SourceLine = z.infer<typeof sourceLineSchema>;
export type EntityLine = z.infer<typeof entityLineSchema>;
export type RelationshipLine = z.infer<typeof relationshipLineSchema>;
export type Line = z.infer<typeof lineSchema>;
