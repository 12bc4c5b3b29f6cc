import type { EntityPlan } from './entity-plan';
import { planApprovals, planDiscussions, planLawMentions } from './meeting-plan';
import { poolsOf } from './org-pools';
import { planParticipations } from './participation-plan';
import { TYPE, Writer, type RelationshipPlan } from './plan-writer';
import type { Random } from './random';
import type { Scale } from './scale';
import { planEstablishment, planHierarchy, planMemberships, planPositions } from './structure-plan';

/** How many of each type the graph will have; participations take what the others leave. */
export interface TypeCounts {
  readonly holdsPosition: number;
  readonly memberOfPeople: number;
  readonly memberOfOrgs: number;
  readonly partOf: number;
  readonly established: number;
  readonly participations: number;
  readonly discussed: number;
  readonly approved: number;
  readonly referenced: number;
  readonly proposed: number;
}

export function countsFor(relationships: number, scale: Scale, plan: EntityPlan): TypeCounts {
  const pools = poolsOf(plan, scale);
  const t = scale.targets;
  // Caps keep every rejection-sampled pair set at most half full, so sampling stays quick.
  const memberOfPeople = Math.min(Math.round(t.memberOf * 0.7), Math.floor((scale.people * pools.personBodies.length) / 2));
  const memberOfOrgs = Math.min(
    t.memberOf - Math.round(t.memberOf * 0.7),
    Math.floor((pools.memberOrgs.length * pools.memberTargets.length) / 2),
  );
  const drafts = scale.laws - plan.firstDraftLaw;
  const others = {
    holdsPosition: Math.min(t.holdsPosition, scale.people * 3),
    memberOfPeople,
    memberOfOrgs,
    partOf: Math.min(t.partOf, pools.partOfChildren.length),
    established: Math.min(t.established, pools.establishedChildren.length),
    discussed: Math.min(t.discussed, Math.floor((scale.events * scale.topics) / 2)),
    approved: t.approved,
    referenced: Math.min(t.referenced, Math.floor((scale.people * scale.laws) / 2)),
    proposed: Math.min(t.proposed, Math.floor((scale.people * drafts) / 2)),
  };
  const taken = Object.values(others).reduce((a, b) => a + b, 0);
  return { ...others, participations: relationships - taken };
}

export function planRelationships(rng: Random, scale: Scale, plan: EntityPlan, counts: TypeCounts, total: number): RelationshipPlan {
  const w = new Writer(total);
  const pools = poolsOf(plan, scale);
  const parentOf = new Int32Array(scale.organizations).fill(-1);
  planPositions(rng, scale, plan, pools, counts.holdsPosition, w);
  planMemberships(rng, scale, plan, pools, counts, w);
  planHierarchy(rng, scale, plan, pools, counts.partOf, parentOf, w);
  planEstablishment(rng, scale, plan, pools, counts.established, parentOf, w);
  const eventRanges = planParticipations(rng, scale, plan, counts.participations, w);
  planDiscussions(rng, scale, plan, counts.discussed, w);
  planApprovals(rng, scale, plan, counts.approved, w);
  planLawMentions(rng, scale, plan, eventRanges, counts.referenced, TYPE.REFERENCED, 0, scale.laws, w);
  planLawMentions(rng, scale, plan, eventRanges, counts.proposed, TYPE.PROPOSED, plan.firstDraftLaw, scale.laws - plan.firstDraftLaw, w);
  if (w.count !== total) throw new Error(`synthetic plan made ${w.count} relationships instead of ${total}`);
  return w;
}
