/**
 * A router of a few lines over the History API: every view's state lives in its URL, so any page
 * can be reloaded, bookmarked or pasted into a story. The server answers the same page for each
 * of these paths (src/http/explorer.ts lists them).
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'entity'; id: string; params: URLSearchParams }
  | { name: 'source'; id: string; params: URLSearchParams }
  | { name: 'path'; params: URLSearchParams }
  | { name: 'network'; id: string; params: URLSearchParams }
  | { name: 'review'; params: URLSearchParams }
  | { name: 'ingestion'; id: string }
  | { name: 'not-found'; path: string };

const listeners = new Set<() => void>();
/** Client-side navigations so far: views move focus to their heading only after one. */
let navigations = 0;

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  navigations += 1;
  notify();
});

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  if (options.replace === true) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    navigations += 1;
    window.scrollTo(0, 0);
  }
  notify();
}

export function navigatedInPage(): boolean {
  return navigations > 0;
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path and query; re-renders the caller when either changes. */
export function useUrl(): string {
  return useSyncExternalStore(subscribe, currentUrl);
}

export function parseRoute(url: string): Route {
  const parsed = new URL(url, window.location.origin);
  const params = parsed.searchParams;
  const [, first, second, ...rest] = parsed.pathname.split('/');
  const id = second !== undefined && second !== '' && rest.length === 0 ? safeDecode(second) : null;
  if (parsed.pathname === '/') return { name: 'home' };
  if (first === 'path' && second === undefined) return { name: 'path', params };
  if (first === 'review' && second === undefined) return { name: 'review', params };
  if (id !== null) {
    if (first === 'entity') return { name: 'entity', id, params };
    if (first === 'source') return { name: 'source', id, params };
    if (first === 'network') return { name: 'network', id, params };
    if (first === 'review') return { name: 'ingestion', id };
  }
  return { name: 'not-found', path: parsed.pathname };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** URLs of the explorer's pages, built in one place. */
export const href = {
  entity: (id: string, params?: Record<string, string | undefined>): string => `/entity/${encodeURIComponent(id)}${query(params)}`,
  source: (id: string, params?: Record<string, string | undefined>): string => `/source/${encodeURIComponent(id)}${query(params)}`,
  network: (id: string, params?: Record<string, string | undefined>): string => `/network/${encodeURIComponent(id)}${query(params)}`,
  path: (from?: string, to?: string): string => `/path${query({ from, to })}`,
  review: (status?: string): string => `/review${query({ status })}`,
  ingestion: (id: string): string => `/review/${encodeURIComponent(id)}`,
};

function query(params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  // Lists read better as `types=CHAIRED,SPOKE_AT` than escaped; commas are fine in a query.
  const text = search.toString().replace(/%2C/gi, ',');
  return text === '' ? '' : `?${text}`;
}

/** A comma-separated list parameter (`types=CHAIRED,SPOKE_AT`), keeping only allowed values. */
export function listParam<T extends string>(params: URLSearchParams, name: string, allowed: ReadonlyArray<T>): T[] {
  const raw = params.get(name);
  if (raw === null || raw === '') return [];
  return raw.split(',').filter((value): value is T => (allowed as ReadonlyArray<string>).includes(value));
}
