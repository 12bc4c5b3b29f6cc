import type { EditorStore } from '../editing/edit-session';
import type { ReviewQueue } from '../ports/review-queue';

/** What the review queue needs from a store: an editor's store and the queue's reads. */
export type ReviewStore = EditorStore & ReviewQueue;
