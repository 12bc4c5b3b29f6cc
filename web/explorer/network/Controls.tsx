import { kindLabel, typeLabel } from '../format';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '../types';
import type { NeighborhoodFilter } from './load';

export const DEPTHS = [1, 2, 3] as const;
export const LIMITS = [50, 200, 500, 1000] as const;

interface ControlsProps {
  filter: NeighborhoodFilter;
  onChange: (filter: NeighborhoodFilter) => void;
}

function toggle<T>(list: ReadonlyArray<T>, value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

/** Depth, size limit and filters of the network; every change is a new URL (so a deep link). */
export function Controls({ filter, onChange }: ControlsProps) {
  return (
    <form className="network-controls" onSubmit={(event) => event.preventDefault()} aria-label="What to draw">
      <label>
        Depth
        <select value={filter.depth} onChange={(event) => onChange({ ...filter, depth: Number(event.target.value) })}>
          {DEPTHS.map((depth) => (
            <option key={depth} value={depth}>
              {depth === 1 ? '1 step' : `${String(depth)} steps`}
            </option>
          ))}
        </select>
      </label>
      <label>
        At most
        <select value={filter.limit} onChange={(event) => onChange({ ...filter, limit: Number(event.target.value) })}>
          {LIMITS.map((limit) => (
            <option key={limit} value={limit}>
              {limit} entities
            </option>
          ))}
        </select>
      </label>
      <details>
        <summary>
          Filter{filter.types.length + filter.kinds.length > 0 ? ` (${String(filter.types.length + filter.kinds.length)} on)` : ''}
        </summary>
        <fieldset>
          <legend>Relationship types (none ticked: all)</legend>
          {RELATIONSHIP_TYPES.map((type: RelationshipType) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={filter.types.includes(type)}
                onChange={(event) => onChange({ ...filter, types: toggle(filter.types, type, event.target.checked) })}
              />
              {typeLabel(type)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Kinds of entity (none ticked: all)</legend>
          {ENTITY_KINDS.map((kind: EntityKind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={filter.kinds.includes(kind)}
                onChange={(event) => onChange({ ...filter, kinds: toggle(filter.kinds, kind, event.target.checked) })}
              />
              {kindLabel(kind)}
            </label>
          ))}
        </fieldset>
      </details>
    </form>
  );
}
