/** The systems the peer bench compares, in the order the table lists them. */
export const SYSTEMS = ['ours-neo4j', 'neo4j-graphql', 'hand', 'ours-embedded', 'bare'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_LABELS: Readonly<Record<SystemName, string>> = {
  'ours-neo4j': 'ours on Neo4j',
  'neo4j-graphql': '@neo4j/graphql 7.6.3',
  hand: 'hand-written Cypher',
  'ours-embedded': 'ours on the embedded store (reference)',
  bare: 'bare Apollo 5 {hello} (ceiling)',
};

/** Which systems read Neo4j, so their statements can be captured and profiled. */
export const ON_NEO4J: ReadonlySet<SystemName> = new Set(['ours-neo4j', 'neo4j-graphql', 'hand']);

/** One request a load repeats: POSTed to the system's base URL + path. */
export interface Call {
  readonly path: string;
  readonly body: string;
}

/** A workload a system cannot express, and why. */
export interface NotApplicable {
  readonly na: string;
}

export type Plan = Call | NotApplicable;

export function isCall(plan: Plan): plan is Call {
  return 'body' in plan;
}

export function graphqlCall(query: string): Call {
  return { path: '/graphql', body: JSON.stringify({ query }) };
}
