import { isInternational, type EntityPlan } from './entity-plan';
import { TYPE, type Writer } from './plan-writer';
import type { Random } from './random';
import { ROLE_EXPERT, ROLE_INTERNATIONAL_PARTNER, ROLE_REPRESENTATIVE } from './roles';
import type { Scale } from './scale';
import { HUB_EVENT_SHARE } from './vocabulary';

/**
 * How many participations each event gets: mostly around the mean, a few large conferences,
 * summing exactly to the budget and never more than the distinct participants available.
 */
function eventQuotas(rng: Random, events: number, budget: number, cap: number): Int32Array {
  if (budget > events * cap) throw new Error(`synthetic plan: ${budget} participations do not fit ${events} events`);
  const weights = new Float64Array(events);
  let sum = 0;
  for (let e = 0; e < events; e++) {
    weights[e] = (0.4 + 1.2 * rng.float()) * (rng.chance(0.03) ? 4 : 1);
    sum += weights[e]!;
  }
  const quotas = new Int32Array(events);
  let left = budget;
  for (let e = 0; e < events; e++) {
    const q = Math.min(cap, Math.floor((budget * weights[e]!) / sum));
    quotas[e] = q;
    left -= q;
  }
  // Floating-point shares could overshoot by a unit; take it back round-robin.
  for (let e = 0; left < 0; e = (e + 1) % events) {
    if (quotas[e]! > 0) {
      quotas[e] = quotas[e]! - 1;
      left++;
    }
  }
  for (let e = 0; left > 0; e = (e + 1) % events) {
    if (quotas[e]! < cap) {
      quotas[e] = quotas[e]! + 1;
      left--;
    }
  }
  return quotas;
}

/** Who is already at the event being planned; events are small, so a linear scan is cheapest. */
class Attendance {
  private readonly ids: Int32Array;
  private size = 0;
  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
  }
  clear(): void {
    this.size = 0;
  }
  has(id: number): boolean {
    for (let i = 0; i < this.size; i++) if (this.ids[i] === id) return true;
    return false;
  }
  add(id: number): void {
    this.ids[this.size++] = id;
  }
}

/**
 * Picks a participant in [from, from + n) not yet at the event: popular ones first
 * (preferential attachment), then anyone, then the next free one; -1 when all are there.
 */
function pickFree(rng: Random, at: Attendance, from: number, n: number, taken: number, mild: boolean): number {
  if (taken >= n) return -1;
  for (let tries = 0; tries < 16; tries++) {
    const id = from + (tries >= 8 ? rng.int(n) : mild ? rng.mildlySkewed(n) : rng.skewed(n));
    if (!at.has(id)) return id;
  }
  const startAt = rng.int(n);
  for (let k = 0; k < n; k++) {
    const id = from + ((startAt + k) % n);
    if (!at.has(id)) return id;
  }
  return -1;
}

/** Returns, per event, the range of its participation relationships: [ranges[e], ranges[e+1]). */
export function planParticipations(rng: Random, scale: Scale, plan: EntityPlan, budget: number, w: Writer): Int32Array {
  const { people, organizations, hubs, events } = scale;
  const { org: org0, event: event0 } = plan.layout;
  const cap = people + organizations;
  const quotas = eventQuotas(rng, events, budget, cap);
  const ranges = new Int32Array(events + 1);
  const at = new Attendance(cap);
  for (let e = 0; e < events; e++) {
    ranges[e] = w.count;
    at.clear();
    const eventId = event0 + e;
    let left = quotas[e]!;
    let persons = 0;
    let orgs = 0;
    let otherOrgs = 0;
    // One pair of closures per event, not per record: events are twenty-odd times fewer.
    const takePerson = (): number => {
      const p = pickFree(rng, at, 0, people, persons, false);
      if (p >= 0) {
        at.add(p);
        persons++;
      }
      return p;
    };
    const takeOrg = (): number => {
      // Hubs join through their own shares below; hosts and attendees come from the other bodies
      // first, less steeply skewed than people: there are few bodies, and the hubs must stay on top.
      let o = pickFree(rng, at, org0 + hubs, organizations - hubs, otherOrgs, true);
      if (o < 0) o = pickFree(rng, at, org0, organizations, orgs, true);
      if (o >= 0) {
        at.add(o);
        orgs++;
        if (o >= org0 + hubs) otherOrgs++;
      }
      return o;
    };
    if (left > 0) {
      const host = takeOrg();
      plan.eventHost[e] = host - org0;
      w.push(TYPE.HOSTED, host, eventId, eventId);
      left--;
    }
    if (left > 0) {
      w.push(TYPE.CHAIRED, takePerson(), eventId, eventId);
      left--;
    }
    for (let h = 0; h < hubs && left > 0; h++) {
      if (!rng.chance(HUB_EVENT_SHARE[h]!) || at.has(org0 + h)) continue;
      at.add(org0 + h);
      orgs++;
      if (rng.chance(0.5)) w.push(TYPE.OBSERVES, org0 + h, eventId, eventId);
      else w.push(TYPE.ATTENDED, org0 + h, eventId, eventId, ROLE_INTERNATIONAL_PARTNER);
      left--;
    }
    const speakers = 1 + rng.int(4);
    for (let s = 0; s < speakers && left > 0; s++) {
      const p = takePerson();
      if (p < 0) break;
      const employer = plan.primaryOrg[p]!;
      if (employer >= 0 && rng.chance(0.6)) {
        w.push(TYPE.SPOKE_AT, p, eventId, eventId, plan.primaryRole[p]!, org0 + employer);
      } else {
        w.push(TYPE.SPOKE_AT, p, eventId, eventId, rng.chance(0.15) ? ROLE_EXPERT : -1);
      }
      left--;
    }
    while (left > 0) {
      const wantOrg = rng.chance(0.45);
      let id = wantOrg ? takeOrg() : takePerson();
      if (id < 0) id = wantOrg ? takePerson() : takeOrg();
      if (id < 0) throw new Error(`synthetic plan: event ${e} ran out of participants`);
      if (id >= org0) {
        const role = isInternational(plan, id - org0) ? ROLE_INTERNATIONAL_PARTNER : rng.chance(0.2) ? ROLE_REPRESENTATIVE : -1;
        w.push(TYPE.ATTENDED, id, eventId, eventId, role);
      } else {
        const employer = plan.primaryOrg[id]!;
        if (employer >= 0 && rng.chance(0.3)) {
          w.push(TYPE.ATTENDED, id, eventId, eventId, plan.primaryRole[id]!, org0 + employer);
        } else {
          w.push(TYPE.ATTENDED, id, eventId, eventId, rng.chance(0.1) ? ROLE_EXPERT : -1);
        }
      }
      left--;
    }
  }
  ranges[events] = w.count;
  return ranges;
}
