import { dateCode, NO_DATE, randomDate } from './dates';
import { isInternational, type EntityPlan } from './entity-plan';
import { GOVERNMENT, INTERNATIONAL, STATE, type Pools } from './org-pools';
import { PairSet, TYPE, type Writer } from './plan-writer';
import type { Random } from './random';
import { POSITION_ROLE_CODES } from './roles';
import type { Scale } from './scale';

/** The standing relationships of people and organizations, stated in the registers. */

/** A position start or end within a year, often given only to the month or year. */
function dateWithin(rng: Random, year: number): number {
  return randomDate(rng, year, 1, 0.3, 0.3);
}

export function planPositions(rng: Random, scale: Scale, plan: EntityPlan, pools: Pools, count: number, w: Writer): void {
  const { people } = scale;
  const org0 = plan.layout.org;
  const base = Math.floor(count / people);
  const extra = count - base * people;
  for (let i = 0; i < people; i++) {
    const n = base + (i < extra ? 1 : 0);
    let year = 1998 + rng.int(22);
    let previous = -1;
    for (let k = 0; k < n; k++) {
      let org = pools.employers[rng.mildlySkewed(pools.employers.length)]!;
      for (let tries = 0; org === previous && tries < 4; tries++) org = pools.employers[rng.int(pools.employers.length)]!;
      const roles = POSITION_ROLE_CODES[plan.orgType[org]!]!;
      const role = roles[rng.int(roles.length)]!;
      const start = rng.chance(0.6) ? dateWithin(rng, year) : NO_DATE;
      const last = k === n - 1;
      // End years are strictly after the start year, so endDate >= startDate at any precision.
      const endYear = year + 1 + rng.int(5);
      const ends = endYear <= 2024 && (!last || rng.chance(0.3));
      const end = ends && rng.chance(0.8) ? dateWithin(rng, endYear) : NO_DATE;
      w.push(TYPE.HOLDS_POSITION, i, org0 + org, i, role, -1, start, end);
      if (last) {
        plan.primaryOrg[i] = org;
        plan.primaryRole[i] = role;
      }
      previous = org;
      if (ends) year = endYear;
    }
  }
}

export function planMemberships(rng: Random, scale: Scale, plan: EntityPlan, pools: Pools, counts: { readonly memberOfPeople: number; readonly memberOfOrgs: number }, w: Writer): void {
  const org0 = plan.layout.org;
  const people = new PairSet();
  for (let k = 0; k < counts.memberOfPeople; k++) {
    for (let tries = 0; ; tries++) {
      const skew = tries < 8;
      const person = skew && rng.chance(0.5) ? rng.skewed(scale.people) : rng.int(scale.people);
      const body = pools.personBodies[skew ? rng.skewed(pools.personBodies.length) : rng.int(pools.personBodies.length)]!;
      if (!people.add(person, body)) continue;
      w.push(TYPE.MEMBER_OF, person, org0 + body, person);
      break;
    }
  }
  const orgs = new PairSet();
  for (let k = 0; k < counts.memberOfOrgs; k++) {
    for (let tries = 0; ; tries++) {
      const member = pools.memberOrgs[rng.int(pools.memberOrgs.length)]!;
      const target = pools.memberTargets[tries < 8 ? rng.skewed(pools.memberTargets.length) : rng.int(pools.memberTargets.length)]!;
      // States join international bodies, not councils or groups of their own ministries.
      if (tries < 8 && plan.orgType[member] === STATE && plan.orgType[target] !== INTERNATIONAL) continue;
      if (!orgs.add(member, target)) continue;
      w.push(TYPE.MEMBER_OF, org0 + member, org0 + target, org0 + member);
      break;
    }
  }
}

/** A shallow hierarchy: ministries under their state, commissions and councils under a ministry or the state. */
export function planHierarchy(rng: Random, scale: Scale, plan: EntityPlan, pools: Pools, count: number, parentOf: Int32Array, w: Writer): void {
  const org0 = plan.layout.org;
  for (let k = 0; k < count; k++) {
    const child = pools.partOfChildren[k]!;
    const t = plan.orgType[child]!;
    let parent: number;
    if (t === INTERNATIONAL) parent = rng.skewed(scale.hubs);
    else {
      const country = plan.orgCountry[child]!;
      const state = scale.hubs + country;
      const ministries = pools.governmentByCountry[country]!;
      parent = t !== GOVERNMENT && ministries.length > 0 && rng.chance(0.7) ? ministries[rng.int(ministries.length)]! : state;
    }
    parentOf[child] = parent;
    w.push(TYPE.PART_OF, org0 + child, org0 + parent, org0 + child);
  }
}

export function planEstablishment(rng: Random, scale: Scale, plan: EntityPlan, pools: Pools, count: number, parentOf: Int32Array, w: Writer): void {
  const org0 = plan.layout.org;
  for (let k = 0; k < count; k++) {
    const child = pools.establishedChildren[k]!;
    const country = plan.orgCountry[child]!;
    const parent = parentOf[child]!;
    const ministries = pools.governmentByCountry[country]!;
    const founder =
      parent >= 0 && !isInternational(plan, parent)
        ? parent
        : ministries.length > 0 && rng.chance(0.5)
          ? ministries[rng.int(ministries.length)]!
          : scale.hubs + country;
    w.push(TYPE.ESTABLISHED, org0 + founder, org0 + child, org0 + child, -1, -1, dateCode(1992 + rng.int(29)));
  }
}
