/**
 * The Node flags the server runs with: `npm start` and the Dockerfile's CMD pass them, and the
 * benches start every server they measure (ours and the peers alike) with them
 * (test/e2e/node-flags.test.ts keeps the three in step).
 *
 * A larger young generation: answers are many short-lived objects (decoded records, resolved
 * fields, JSON), and with V8's default 16 MB semi-space the scavenger ran often enough to be a
 * tenth of the server's CPU on an event's participants (W2, bench:peers). At 64 MB, CPU per
 * request fell by 8-10% there; the cost is up to ~150 MB more resident memory under load.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
