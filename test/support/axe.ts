import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core in the page under test, read from node_modules (no network). The explorer's CSP
 * allows no inline script, so `page.addScriptTag({ content })` would be refused (and logged as a
 * console error); the source is evaluated through the DevTools protocol instead, which a page's
 * CSP does not govern.
 */

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  readonly id: string;
  readonly impact: Impact | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<unknown>; readonly failureSummary?: string }>;
}

export interface AxeReport {
  /** Every violation, whatever its impact. */
  readonly violations: ReadonlyArray<AxeViolation>;
  /** Those a newsroom cannot ship: serious and critical. */
  readonly blocking: ReadonlyArray<AxeViolation>;
  /** Rules axe could not decide alone (contrast over an image, say), for a person to review. */
  readonly incomplete: ReadonlyArray<{ readonly id: string; readonly nodes: number }>;
  /** One line for the log: `moderate region (2); to review: color-contrast (3)`, or `none`. */
  readonly summary: string;
}

const BLOCKING: ReadonlySet<Impact | null> = new Set<Impact | null>(['serious', 'critical']);

let source: string | undefined;

function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** Runs axe on the page as it is now (WCAG 2.x A and AA plus best practices). */
export async function runAxe(page: Page): Promise<AxeReport> {
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe === 'object');
  // `;0` keeps the script's completion value from being taken for a function to call.
  if (!loaded) await page.evaluate(`${axeSource()}\n;0`);
  const { violations, incomplete } = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run((globalThis as any).document, { resultTypes: ['violations', 'incomplete'] });
    const violations = (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as Impact | null,
      help: v.help as string,
      helpUrl: v.helpUrl as string,
      nodes: (v.nodes as any[]).map((n) => ({ target: n.target as unknown[], failureSummary: n.failureSummary as string | undefined })),
    }));
    const incomplete = (result.incomplete as any[]).map((v) => ({ id: v.id as string, nodes: (v.nodes as unknown[]).length }));
    return { violations, incomplete };
  });
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  const found = violations.map((v) => `${v.impact ?? 'unknown'} ${v.id} (${String(v.nodes.length)})`).join(', ') || 'none';
  const review = incomplete.map((v) => `${v.id} (${String(v.nodes)})`).join(', ');
  return { violations, blocking, incomplete, summary: review === '' ? found : `${found}; to review: ${review}` };
}

/** A readable list: each violation, the rule's help, and the elements with what is wrong with them. */
export function describeViolations(violations: ReadonlyArray<AxeViolation>): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.map(String).join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${String(v.nodes.length - 5)} more` : '';
      return `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Fails, listing them, when axe finds serious or critical violations; returns the report for logging. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<AxeReport> {
  const report = await runAxe(page);
  if (report.blocking.length > 0) {
    throw new Error(`axe found ${String(report.blocking.length)} serious or critical violation(s) on ${where}:\n${describeViolations(report.blocking)}`);
  }
  return report;
}
