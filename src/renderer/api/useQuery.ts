import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeEvent, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { ApiError } from './client';
import { useClient } from './context';

export type QueryState<T> = { data: T | undefined; error: ApiError | null; loading: boolean; refetch: () => void };

/**
 * Fetches through the client and fetches again whenever main announces a change that `affects` this view.
 * The answer is kept in component state only: the store in main stays the one source of truth.
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  affects: (change: ChangeEvent) => boolean = () => true,
): QueryState<MethodOutput<M>> {
  const client = useClient();
  const [state, setState] = useState<{ data: MethodOutput<M> | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: input !== null,
  });
  const key = JSON.stringify(input);
  const generation = useRef(0);
  const affectsRef = useRef(affects);
  affectsRef.current = affects;

  // At most one call in flight and one waiting: a burst of changes (the monitoring records a run every few
  // hundred milliseconds) costs two fetches, not one per change.
  const inFlight = useRef(false);
  const again = useRef(false);
  const flightKey = useRef('');
  const latest = useRef<() => void>(() => {});
  const run = useCallback(() => {
    if (key === 'null') return;
    if (inFlight.current) {
      // Another input meanwhile: the answer under way is for the old one and is dropped.
      if (flightKey.current !== key) generation.current += 1;
      again.current = true;
      return;
    }
    inFlight.current = true;
    flightKey.current = key;
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    const settle = () => {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        latest.current();
      }
    };
    client.call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => {
        if (mine === generation.current) setState({ data, error: null, loading: false });
        settle();
      },
      (error: unknown) => {
        if (mine === generation.current)
          setState((s) => ({
            data: s.data,
            error: error instanceof ApiError ? error : new ApiError('internal', String(error)),
            loading: false,
          }));
        settle();
      },
    );
  }, [client, method, key]);
  latest.current = run;

  useEffect(run, [run]);
  useEffect(() => client.onChange((change) => affectsRef.current(change) && run()), [client, run]);
  useEffect(() => client.onResync(run), [client, run]);
  return { ...state, refetch: run };
}
