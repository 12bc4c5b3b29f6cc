import { useCallback, useEffect, useState } from 'react';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'done'; readonly data: T };

/**
 * Runs `load` whenever `key` changes (the key stands for every input of `load`), aborting the
 * previous run, and returns its state plus a function to run it again.
 */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [QueryState<T>, () => void] {
  const [state, setState] = useState<{ key: string; value: QueryState<T> }>({ key, value: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ key, value: { status: 'loading' } });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, value: { status: 'done', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, value: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is a new closure every render: `key` names what it depends on.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Until the effect for a new key has run, the old key's answer must not show.
  return [state.key === key ? state.value : { status: 'loading' }, retry];
}
