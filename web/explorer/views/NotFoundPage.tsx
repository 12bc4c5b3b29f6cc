import { Link } from '../Link';
import { usePageHeading } from '../page';

export function NotFoundPage({ path }: { path: string }) {
  const heading = usePageHeading('Page not found');
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        The explorer has no page at <code>{path}</code>. Search for a name above, or go <Link href="/">home</Link>.
      </p>
    </>
  );
}
