import { randomDate } from './dates';
import type { EntityPlan } from './entity-plan';
import { PairSet, TYPE, type Writer } from './plan-writer';
import type { Random } from './random';
import type { Scale } from './scale';
import { THEMES } from './vocabulary';

/** What is said at meetings besides who took part: topics, approved documents, laws cited or proposed. */

/** Events discuss topics, most often ones on the event's own theme. */
export function planDiscussions(rng: Random, scale: Scale, plan: EntityPlan, count: number, w: Writer): void {
  const { events, topics } = scale;
  const { event: event0, topic: topic0 } = plan.layout;
  const pairs = new PairSet();
  for (let k = 0; k < count; k++) {
    for (let tries = 0; ; tries++) {
      const e = rng.int(events);
      const theme = plan.eventTheme[e]!;
      // Topic t has theme t mod THEMES.length.
      const onTheme = theme < topics ? Math.floor((topics - 1 - theme) / THEMES.length) + 1 : 0;
      const t =
        tries < 8 && onTheme > 0 && rng.chance(0.6)
          ? theme + THEMES.length * rng.skewed(onTheme)
          : tries < 8
            ? rng.skewed(topics)
            : rng.int(topics);
      if (!pairs.add(e, t)) continue;
      w.push(TYPE.DISCUSSED, event0 + e, topic0 + t, event0 + e);
      break;
    }
  }
}

/** Each approved document belongs to one event, spread evenly over the events; it takes the event's date. */
export function planApprovals(rng: Random, scale: Scale, plan: EntityPlan, count: number, w: Writer): void {
  const { events, documents } = scale;
  const { event: event0, document: document0 } = plan.layout;
  for (let d = 0; d < count; d++) {
    const e = Math.min(events - 1, Math.floor(((d + rng.float()) * events) / count));
    plan.documentDate[d] = plan.eventDate[e]!;
    w.push(TYPE.APPROVED, event0 + e, document0 + d, event0 + e);
  }
  for (let d = count; d < documents; d++) plan.documentDate[d] = randomDate(rng, 2010, 15);
}

/** Laws mentioned at events: by the chair or a speaker of that event when there is one. */
export function planLawMentions(
  rng: Random,
  scale: Scale,
  plan: EntityPlan,
  eventRanges: Int32Array,
  count: number,
  type: number,
  firstLaw: number,
  laws: number,
  w: Writer,
): void {
  const { events, people } = scale;
  const { event: event0, law: law0 } = plan.layout;
  const pairs = new PairSet();
  for (let k = 0; k < count; k++) {
    for (let tries = 0; ; tries++) {
      const e = rng.int(events);
      let person = -1;
      const lo = eventRanges[e]!;
      const span = eventRanges[e + 1]! - lo;
      for (let pick = 0; pick < 4 && person < 0 && span > 0 && tries < 8; pick++) {
        const r = lo + rng.int(span);
        const t = w.type[r];
        if (t === TYPE.CHAIRED || t === TYPE.SPOKE_AT) person = w.from[r]!;
      }
      if (person < 0) person = tries < 8 ? rng.skewed(people) : rng.int(people);
      const law = firstLaw + (tries < 8 ? rng.skewed(laws) : rng.int(laws));
      if (!pairs.add(person, law)) continue;
      w.push(type, person, law0 + law, event0 + e);
      break;
    }
  }
}
