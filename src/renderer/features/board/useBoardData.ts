import { useEffect, useState } from 'react';
import { boardFilterSchema, type BoardFilter } from '../../../shared/contract/board';
import { useQuery } from '../../api/useQuery';
import { loadViewPref, saveViewPref } from '../../local/db';

const PREF = 'board';
const REFRESH_MS = 60_000;
/** Cards per cell; the rest is counted and a click away in the list. Keeps the board quick at 5,000+ open. */
const PER_CELL = 30;

/** The board's data (refetched on every ticket change and each minute, so the clocks move) and its remembered filter. */
export function useBoardData() {
  const [filter, setFilterState] = useState<BoardFilter | null>(null);
  useEffect(() => {
    void loadViewPref<unknown>(PREF, {}).then((stored) => {
      // Stored by an older version or edited by hand: a preference that does not fit is dropped, not trusted.
      const parsed = boardFilterSchema.safeParse(stored);
      setFilterState(parsed.success ? parsed.data : {});
    });
  }, []);
  const board = useQuery(
    'board.get',
    filter ? { filter, perCell: PER_CELL } : null,
    (c) => c.entity === 'ticket' || c.entity === 'settings',
  );
  const { refetch } = board;
  useEffect(() => {
    const timer = setInterval(refetch, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const setFilter = (next: BoardFilter) => {
    setFilterState(next);
    void saveViewPref(PREF, next);
  };
  return { board, filter: filter ?? {}, setFilter };
}
