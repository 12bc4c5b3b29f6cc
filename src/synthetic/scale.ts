import { HUB_NAMES } from './vocabulary';

/** Node counts per kind, and the share of relationships each structural type aims for. */
export interface Scale {
  readonly people: number;
  readonly organizations: number;
  readonly events: number;
  readonly laws: number;
  readonly topics: number;
  readonly documents: number;
  readonly hubs: number;
  /** How many of COUNTRIES are in use (one STATE each). */
  readonly countries: number;
  /** Targets before feasibility caps; participations take whatever the others leave. */
  readonly targets: {
    readonly holdsPosition: number;
    readonly memberOf: number;
    readonly partOf: number;
    readonly established: number;
    readonly discussed: number;
    readonly approved: number;
    readonly referenced: number;
    readonly proposed: number;
  };
}

/**
 * Proportions read off the founding seed and typical press releases: each event brings some
 * twenty participations, people outnumber organizations five to one, and laws, topics and
 * documents are few. Minimums keep tiny graphs varied enough to exercise every kind.
 */
export function scaleFor(relationships: number, countryListLength: number): Scale {
  const n = relationships;
  const organizations = Math.max(16, Math.round(n / 60));
  const documents = Math.max(3, Math.round(n / 500));
  const events = Math.max(5, Math.round(n / 25));
  return {
    people: Math.max(20, Math.round(n / 12)),
    organizations,
    events,
    laws: Math.max(5, Math.round(n / 400)),
    topics: Math.max(4, Math.round(n / 300)),
    documents,
    hubs: HUB_NAMES.length,
    countries: Math.min(countryListLength, Math.max(2, Math.floor(organizations / 40))),
    targets: {
      holdsPosition: Math.floor(n * 0.1),
      memberOf: Math.floor(n * 0.04),
      partOf: Math.floor(n * 0.01),
      established: Math.floor(n * 0.004),
      discussed: Math.floor(n * 0.05),
      approved: Math.min(documents, events, Math.floor(n * 0.005)),
      referenced: Math.floor(n * 0.025),
      proposed: Math.floor(n * 0.005),
    },
  };
}
