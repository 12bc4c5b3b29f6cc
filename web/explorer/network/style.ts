/**
 * How the graph is drawn: a shape and colour per entity kind, a colour and line style per
 * relationship type (colours from colour-blind-safe palettes; the shape or line style tells
 * the same thing again). The legend reads the same tables.
 */
import { unreachable } from '../format';
import type { EntityKind, RelationshipType } from '../types';

export interface KindLook {
  /** A Cytoscape.js node shape. */
  readonly shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'triangle' | 'hexagon' | 'tag';
  readonly color: string;
}

export function kindLook(kind: EntityKind): KindLook {
  switch (kind) {
    case 'PERSON':
      return { shape: 'ellipse', color: '#0072b2' };
    case 'ORGANIZATION':
      return { shape: 'round-rectangle', color: '#e69f00' };
    case 'EVENT':
      return { shape: 'diamond', color: '#009e73' };
    case 'LAW':
      return { shape: 'triangle', color: '#cc79a7' };
    case 'TOPIC':
      return { shape: 'hexagon', color: '#56b4e9' };
    case 'DOCUMENT':
      return { shape: 'tag', color: '#8c8c8c' };
    default:
      return unreachable(kind);
  }
}

export interface TypeLook {
  readonly color: string;
  /** Participations solid, standing ties dashed, acts and speech dotted. */
  readonly line: 'solid' | 'dashed' | 'dotted';
}

export function typeLook(type: RelationshipType): TypeLook {
  switch (type) {
    case 'HOSTED':
      return { color: '#7b3294', line: 'solid' };
    case 'CHAIRED':
      return { color: '#d7191c', line: 'solid' };
    case 'SPOKE_AT':
      return { color: '#e66101', line: 'solid' };
    case 'ATTENDED':
      return { color: '#2c7bb6', line: 'solid' };
    case 'OBSERVES':
      return { color: '#1a9641', line: 'solid' };
    case 'HOLDS_POSITION':
      return { color: '#8c510a', line: 'dashed' };
    case 'MEMBER_OF':
      return { color: '#bf812d', line: 'dashed' };
    case 'PART_OF':
      return { color: '#555555', line: 'dashed' };
    case 'ESTABLISHED':
      return { color: '#01665e', line: 'dotted' };
    case 'APPROVED':
      return { color: '#35978f', line: 'dotted' };
    case 'PROPOSED':
      return { color: '#5e3c99', line: 'dotted' };
    case 'DISCUSSED':
      return { color: '#c51b7d', line: 'dotted' };
    case 'REFERENCED':
      return { color: '#b2182b', line: 'dotted' };
    default:
      return unreachable(type);
  }
}
