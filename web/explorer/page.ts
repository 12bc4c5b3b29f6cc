import { useLayoutEffect, useRef } from 'react';
import { navigatedInPage } from './router';

/**
 * Names the document after the page and, after an in-page navigation, moves the focus to the
 * page's heading, so keyboard and screen reader users start reading the new page at its top.
 */
export function usePageHeading<E extends HTMLElement = HTMLHeadingElement>(title: string | null) {
  const ref = useRef<E>(null);
  // Only the view's first title: a later one (the path finder naming an end just picked) must
  // not pull the focus out of the field the reader is typing in.
  const shown = useRef(false);
  // A layout effect runs before every passive one, so a view that focuses something more
  // specific in its own effect (the quote a link led to) wins over the heading.
  useLayoutEffect(() => {
    if (title === null) return;
    document.title = `${title} · rightsgraph`;
    if (!shown.current && navigatedInPage()) ref.current?.focus({ preventScroll: true });
    shown.current = true;
  }, [title]);
  return ref;
}
