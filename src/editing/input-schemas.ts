import { z } from 'zod';
import { badInput } from '../domain/errors';
import { entityLineSchema, evidenceSchema, relationshipLineSchema, sourceLineSchema } from '../records/record-schema';

/**
 * The GraphQL inputs are the import line shapes with the id made optional (generated when absent),
 * so the rules for a field live once, in seed/record-schema.ts.
 */

const source = sourceLineSchema.shape;

export const newSourceSchema = z.strictObject({
  id: source.id.nullish(),
  title: source.title,
  publisher: source.publisher,
  publishedAt: source.publishedAt,
  url: source.url,
  // Quotes are matched verbatim, so the text is kept exactly as given (no trimming).
  text: z.string().min(1, 'a source needs its text, which quotes are checked against'),
});

export const newEntitySchema = entityLineSchema.omit({ record: true }).extend({
  id: entityLineSchema.shape.id.nullish(),
  // GraphQL sends null for a list left empty on purpose.
  aliases: entityLineSchema.shape.aliases.unwrap().nullish().transform((v) => v ?? []),
});

export const newRelationshipSchema = relationshipLineSchema
  .omit({ record: true })
  .extend({ id: relationshipLineSchema.shape.id.nullish() });

export { evidenceSchema };

export type NewSource = z.input<typeof newSourceSchema>;
export type NewEntity = z.input<typeof newEntitySchema>;
export type NewRelationship = z.input<typeof newRelationshipSchema>;
export type NewEvidence = z.input<typeof evidenceSchema>;

/** Parses input, or throws BAD_USER_INPUT listing every problem with its field path. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw badInput(`Invalid ${what}: ${problems.join('; ')}.`, { problems });
}

/** Keeps only the fields a caller gave (undefined: leave as is; null: clear). */
export function givenFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
