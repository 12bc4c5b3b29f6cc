import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { gql, messageOf } from '../api';
import { kindLabel } from '../format';
import { SEARCH } from '../queries';
import type { EntityKind } from '../types';

export interface Suggestion {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
}

interface SearchBoxProps {
  /** The accessible name, shown as the label unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  initialText?: string;
  autoFocus?: boolean;
  /** Empty the field after a pick (the site search) rather than show the picked name (a picker). */
  clearOnPick?: boolean;
  onPick: (entity: Suggestion) => void;
}

type Results = { text: string; items: Suggestion[] } | { text: string; error: string };

const DEBOUNCE_MS = 120;

/**
 * A search field with suggestions as you type, as an ARIA 1.2 combobox: arrow keys move through
 * the list, Enter opens the active suggestion (or the first one), Escape closes the list.
 * Matching is the API's `search`, so initials, acronyms and look-alike letters all work.
 */
export function SearchBox({ label, hideLabel = false, placeholder, initialText = '', autoFocus = false, clearOnPick = false, onPick }: SearchBoxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<Results | null>(null);
  // Enter pressed before the suggestions for the typed text arrived: open the first one then.
  const pendingEnter = useRef(false);

  useEffect(() => setText(initialText), [initialText]);

  const query = text.trim();
  const searchable = /[\p{L}\p{N}]/u.test(query);
  useEffect(() => {
    if (!searchable) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      gql<{ search: { edges: Array<{ node: Suggestion }> } }>(SEARCH, { query }, controller.signal).then(
        (data) => setResults({ text: query, items: data.search.edges.map((edge) => edge.node) }),
        (error: unknown) => {
          if (!controller.signal.aborted) setResults({ text: query, error: messageOf(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchable]);

  const current = results !== null && results.text === query ? results : null;
  const items = current !== null && 'items' in current ? current.items : [];

  const pick = (entity: Suggestion): void => {
    pendingEnter.current = false;
    setOpen(false);
    setActive(-1);
    setText(clearOnPick ? '' : entity.name);
    onPick(entity);
  };

  useEffect(() => {
    if (!pendingEnter.current || current === null) return;
    pendingEnter.current = false;
    const first = items[0];
    if (first !== undefined) pick(first);
    // Runs when the answer for the typed text arrives.
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setOpen(true);
        if (items.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // -1 is the field itself: moving past either end of the list comes back to it.
        setActive((index) => {
          const next = index + step;
          return next < -1 ? items.length - 1 : next >= items.length ? -1 : next;
        });
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const chosen = items[active] ?? items[0];
        if (chosen !== undefined && current !== null) pick(chosen);
        else if (searchable && current === null) pendingEnter.current = true;
        else setOpen(true);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        return;
      default:
    }
  };

  const showList = open && searchable && current !== null;
  const activeId = showList && items[active] !== undefined ? `${id}-opt-${String(active)}` : undefined;
  const announcement =
    current === null ? '' : 'error' in current ? current.error : items.length === 0 ? `No matches for “${current.text}”` : `${String(items.length)} suggestions`;

  return (
    <div className="combobox">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className="suggestions" hidden={!showList || items.length === 0}>
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${id}-opt-${String(index)}`}
            role="option"
            aria-selected={index === active}
            // Keeps the focus in the field, so the click below still sees the list.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(item)}
          >
            <span className="suggestion-name">{item.name}</span> <span className={`kind kind-${item.kind.toLowerCase()}`}>{kindLabel(item.kind)}</span>
            {item.aliases.length > 0 && <span className="suggestion-aliases">also {item.aliases.slice(0, 3).join(' · ')}</span>}
          </li>
        ))}
      </ul>
      {showList && items.length === 0 && <p className="suggestions-empty">{announcement}</p>}
      <div className="visually-hidden" role="status" aria-live="polite">
        {open ? announcement : ''}
      </div>
    </div>
  );
}
