import { kindLabel, typeLabel } from '../format';
import type { EntityKind, RelationshipType } from '../types';
import { kindLook, typeLook, type KindLook } from './style';

/** The shape of a node kind, drawn in a 16 px box. */
function ShapeIcon({ look }: { look: KindLook }) {
  const fill = look.color;
  const shape = (() => {
    switch (look.shape) {
      case 'ellipse':
        return <circle cx="8" cy="8" r="7" fill={fill} />;
      case 'round-rectangle':
        return <rect x="1" y="2" width="14" height="12" rx="3" fill={fill} />;
      case 'diamond':
        return <polygon points="8,1 15,8 8,15 1,8" fill={fill} />;
      case 'triangle':
        return <polygon points="8,1 15,15 1,15" fill={fill} />;
      case 'hexagon':
        return <polygon points="4,2 12,2 15,8 12,14 4,14 1,8" fill={fill} />;
      case 'tag':
        return <polygon points="1,2 11,2 15,8 11,14 1,14" fill={fill} />;
    }
  })();
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {shape}
    </svg>
  );
}

function LineIcon({ type }: { type: RelationshipType }) {
  const look = typeLook(type);
  const dash = look.line === 'dashed' ? '6 3' : look.line === 'dotted' ? '2 3' : undefined;
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2="22" y2="5" stroke={look.color} strokeWidth="2.5" strokeDasharray={dash} />
      <polygon points="21,1 27,5 21,9" fill={look.color} />
    </svg>
  );
}

/** What the shapes and colours mean, for the kinds and types present in the drawing. */
export function Legend({ kinds, types }: { kinds: ReadonlyArray<EntityKind>; types: ReadonlyArray<RelationshipType> }) {
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">Legend</h2>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <ShapeIcon look={kindLook(kind)} /> {kindLabel(kind)}
          </li>
        ))}
      </ul>
      <ul>
        {types.map((type) => (
          <li key={type}>
            <LineIcon type={type} /> {typeLabel(type)}
          </li>
        ))}
      </ul>
    </section>
  );
}
