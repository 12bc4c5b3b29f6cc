import type { PageOf, PageRequest } from '../../ports/graph-store';
import { encodeCursor } from './cursor';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function toConnection<T>(page: PageOf<T>, request: PageRequest): Connection<T> {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(request.offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.offset + page.items.length < page.totalCount,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
    totalCount: page.totalCount,
  };
}
