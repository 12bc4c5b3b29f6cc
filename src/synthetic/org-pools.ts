import { ORG_TYPES, OrgType } from '../domain/enums';
import { NO_COUNTRY, type EntityPlan } from './entity-plan';
import type { Scale } from './scale';

/** orgType codes (indexes into ORG_TYPES) the planners branch on. */
const code = (t: OrgType): number => ORG_TYPES.indexOf(t);
export const GOVERNMENT = code(OrgType.GOVERNMENT_BODY);
export const STATE = code(OrgType.STATE);
export const COMMISSION = code(OrgType.COMMISSION);
export const CONSULTATIVE = code(OrgType.CONSULTATIVE_BODY);
export const NHRI = code(OrgType.NATIONAL_HUMAN_RIGHTS_INSTITUTION);
export const NGO = code(OrgType.NGO);
export const INTERNATIONAL = code(OrgType.INTERNATIONAL_ORGANIZATION);
export const GROUP = code(OrgType.GROUP);

/** Organization pools by role in the graph, as org indexes. */
export interface Pools {
  readonly employers: number[];
  readonly personBodies: number[];
  readonly memberOrgs: number[];
  readonly memberTargets: number[];
  readonly partOfChildren: number[];
  readonly establishedChildren: number[];
  /** Government bodies per country index. */
  readonly governmentByCountry: number[][];
}

export function poolsOf(plan: EntityPlan, scale: Scale): Pools {
  const pools: Pools = {
    employers: [],
    personBodies: [],
    memberOrgs: [],
    memberTargets: [],
    partOfChildren: [],
    establishedChildren: [],
    governmentByCountry: Array.from({ length: scale.countries }, () => []),
  };
  // Hubs come last in the employer and membership pools: skewed picks favour the front, and the
  // hubs' weight should come from the events they attend, not from staff lists.
  for (let k = 0; k < scale.organizations; k++) {
    const j = (k + scale.hubs) % scale.organizations;
    const t = plan.orgType[j]!;
    const country = plan.orgCountry[j]!;
    const hub = j < scale.hubs;
    if (t !== GROUP && t !== STATE) pools.employers.push(j);
    if (t === CONSULTATIVE || t === COMMISSION || t === GROUP || t === NGO) pools.personBodies.push(j);
    if (t === STATE || t === GOVERNMENT || t === NGO) pools.memberOrgs.push(j);
    if (t === INTERNATIONAL || t === GROUP || t === CONSULTATIVE) pools.memberTargets.push(j);
    if (t === GOVERNMENT) pools.governmentByCountry[country]!.push(j);
    if (t === GOVERNMENT || t === COMMISSION || t === NHRI || t === CONSULTATIVE || (t === INTERNATIONAL && !hub)) {
      pools.partOfChildren.push(j);
    }
    if (t === COMMISSION || t === NHRI || t === CONSULTATIVE || (t === GROUP && country !== NO_COUNTRY)) {
      pools.establishedChildren.push(j);
    }
  }
  // Ambassadors and envoys are rare: the states go to the tail of the employers, before the hubs.
  const hubEmployers = pools.employers.splice(pools.employers.length - scale.hubs, scale.hubs);
  for (let c = 0; c < scale.countries; c++) pools.employers.push(scale.hubs + c);
  pools.employers.push(...hubEmployers);
  return pools;
}
