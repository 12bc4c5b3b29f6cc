import { Readability } from '@mozilla/readability';
// 0.18.12, the last release whose dependencies are CommonJS (later ones need css-select 7, ES modules only).
import { parseHTML } from 'linkedom';

export interface HtmlText {
  readonly title: string | null;
  /** The main text, one paragraph per block, blank lines between; null when the page has none. */
  readonly text: string | null;
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td';

/**
 * The article of an HTML page by Mozilla's Readability over a linkedom DOM (no browser, no
 * network): navigation, asides and footers are dropped. Paragraphs become blank-line-separated
 * lines, whitespace inside them folded, so sentences and offsets are those of the stored text.
 */
export function htmlMainText(html: string): HtmlText {
  const { document } = parseHTML(html);
  // linkedom makes no document element of text without tags, which Readability refuses with a throw.
  if (!document.documentElement) return { title: null, text: null };
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  // Readability reads the DOM it is given destructively; linkedom's is ours alone here.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  if (!article?.content) return { title: pageTitle, text: null };
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...body.querySelectorAll(BLOCKS)]
    .filter((el) => !el.querySelector(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
  const text = blocks.join('\n\n');
  return { title: article.title?.trim() || pageTitle, text: text.length > 0 ? text : null };
}
