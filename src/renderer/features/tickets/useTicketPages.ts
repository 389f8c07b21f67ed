import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketFilter, TicketSort } from '../../../shared/contract/tickets';
import type { TicketSummary } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';

const PAGE = 100;

/**
 * The list as the user scrolls: pages come from main by cursor, so the renderer never holds all tickets.
 * A change pushed by main reloads what is on screen (at most 500 rows) in one call.
 */
export function useTicketPages(filter: TicketFilter, sort: TicketSort) {
  const client = useClient();
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const loaded = useRef(0);
  loaded.current = items.length;
  const key = JSON.stringify([filter, sort]);

  const reload = useCallback(
    (limit: number) => {
      const mine = ++generation.current;
      // From the key, not the props: a caller's new-but-equal filter object must not refetch.
      const [keyFilter, keySort] = JSON.parse(key) as [typeof filter, typeof sort];
      setLoading(true);
      client.call('tickets.list', { filter: keyFilter, sort: keySort, limit }).then(
        (page) => {
          if (mine !== generation.current) return;
          setItems(page.items);
          setTotal(page.total ?? 0);
          setCursor(page.nextCursor);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          setError(e instanceof ApiError ? e.message : String(e));
          setLoading(false);
        },
      );
    },
    [client, key],
  );

  useEffect(() => reload(PAGE), [reload]);
  useEffect(
    () =>
      client.onChange((change) => change.entity === 'ticket' && reload(Math.min(500, Math.max(PAGE, loaded.current)))),
    [client, reload],
  );

  const loadMore = useCallback(() => {
    if (!cursor || loading) return;
    const mine = generation.current;
    const [keyFilter, keySort] = JSON.parse(key) as [typeof filter, typeof sort];
    setLoading(true);
    client.call('tickets.list', { filter: keyFilter, sort: keySort, limit: PAGE, cursor }).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.nextCursor);
        if (page.total !== null) setTotal(page.total);
        setLoading(false);
      },
      () => setLoading(false),
    );
  }, [client, cursor, loading, key]);

  return { items, total, hasMore: cursor !== null, loadMore, error, loading };
}
