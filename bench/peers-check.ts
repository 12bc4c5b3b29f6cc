import { fetchData } from './http-load';
import { difference, normalise, perturb } from './peers-normalise';
import type { WorkloadParams } from './peers-params';
import type { SystemProcess } from './peers-processes';
import type { Probe } from './peers-report';
import { ON_NEO4J, SYSTEM_LABELS, isCall, type SystemName } from './peers-systems';
import { planFor, WORKLOAD_TITLES, type WorkloadId } from './peers-workloads';

export interface CheckResult {
  /** One readable paragraph per workload on which some system answered differently. */
  readonly differences: readonly string[];
  readonly probes: ReadonlyMap<string, Probe>;
}

export const probeKey = (workload: WorkloadId, system: SystemName): string => `${workload}/${system}`;

/**
 * Before anything is timed: asks every system every workload once, normalises each answer and
 * compares it with the first system's (ours on Neo4j when it runs); meanwhile records what the
 * request cost Neo4j (statements and db hits, PROFILEd in the server's process) and our store calls.
 * `inject` changes the second answering system's answer to that workload, to prove the check bites.
 */
export async function checkAnswers(
  systems: readonly SystemProcess[],
  workloads: readonly WorkloadId[],
  params: WorkloadParams,
  inject: WorkloadId | null,
): Promise<CheckResult> {
  const differences: string[] = [];
  const probes = new Map<string, Probe>();
  for (const workload of workloads) {
    let reference: { system: SystemName; value: unknown } | null = null;
    const problems: string[] = [];
    let injected = false;
    for (const system of systems) {
      const plan = planFor(workload, system.name, params);
      if (!isCall(plan)) continue;
      let body: unknown;
      const request = async (): Promise<void> => {
        body = await fetchData(system.url + plan.path, plan.body);
      };
      // One request first, unrecorded: a server's first request may carry one-off statements
      // (@neo4j/graphql checks the database's version), which are no cost of the workload.
      await request();
      const cost = ON_NEO4J.has(system.name) ? await system.profile(request) : null;
      probes.set(probeKey(workload, system.name), {
        storeCalls: storeCallsOf(body),
        statements: cost?.statements ?? null,
        dbHits: cost?.dbHits ?? null,
      });
      let value = normalise(workload, system.name, body);
      if (reference === null) {
        reference = { system: system.name, value };
        continue;
      }
      if (inject === workload && !injected) {
        value = perturb(value);
        injected = true;
      }
      const diff = difference(reference.value, value);
      if (diff) problems.push(`  ${SYSTEM_LABELS[system.name]} differs from ${SYSTEM_LABELS[reference.system]}:\n    ${diff}`);
    }
    if (inject === workload && !injected) problems.push('  --inject-difference needs two systems that answer it');
    if (problems.length > 0) differences.push(`${workload} (${WORKLOAD_TITLES[workload]}): the answers differ\n${problems.join('\n')}`);
  }
  return { differences, probes };
}

function storeCallsOf(body: unknown): number | null {
  const calls = (body as { extensions?: { storeCalls?: unknown } } | undefined)?.extensions?.storeCalls;
  return typeof calls === 'number' ? calls : null;
}
