import { Link } from './Link';
import { href } from './router';
import type { Part } from './sentences';

/** A sentence from sentences.ts with each entity as a link to its page. */
export function Sentence({ parts }: { parts: ReadonlyArray<Part> }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <Link key={i} href={href.entity(part.entity.id)}>
            {part.entity.name}
          </Link>
        ),
      )}
    </>
  );
}
