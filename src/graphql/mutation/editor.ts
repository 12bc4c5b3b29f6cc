import { requireRole } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import { GraphEditor } from '../../editing/graph-editor';

/** The write service acting for this request's caller (`@Authorized` has already let them in). */
export function editorFor(ctx: RequestContext): GraphEditor {
  return new GraphEditor(ctx.store, requireRole(ctx.caller, Role.EDITOR));
}

/**
 * Forgets what this request's loaders read: a later field or mutation of the same operation must
 * see the graph as written, not as it was before.
 */
export function afterWrite<T>(ctx: RequestContext, result: T): T {
  for (const loader of Object.values(ctx.loaders)) loader.clearAll();
  return result;
}
