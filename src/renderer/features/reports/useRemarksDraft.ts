import { useCallback, useEffect, useRef, useState } from 'react';
import { localDb } from '../../local/db';

const draftId = (month: string) => `monthly-remarks:${month}`;

/**
 * The coordinator's remarks on a month's report, kept in IndexedDB as they are typed (one draft per month): leaving
 * the view, a reload or a crash gives them back, and each month keeps its own.
 */
export function useRemarksDraft(month: string) {
  const [remarks, setRemarks] = useState('');
  const pending = useRef<{ month: string; text: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const edited = useRef(false);

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    void localDb.drafts.put({ id: draftId(p.month), data: p.text, updatedAt: Date.now() });
  }, []);

  useEffect(() => {
    let alive = true;
    edited.current = false;
    setRemarks('');
    void localDb.drafts.get(draftId(month)).then((draft) => {
      // What was typed meanwhile wins over what was kept.
      if (alive && !edited.current && typeof draft?.data === 'string') setRemarks(draft.data);
    });
    return () => {
      alive = false;
      flush();
    };
  }, [month, flush]);

  const change = useCallback(
    (text: string) => {
      edited.current = true;
      setRemarks(text);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { month, text, timer: setTimeout(flush, 300) };
    },
    [month, flush],
  );

  return { remarks, change };
}
