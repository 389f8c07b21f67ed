import { useCallback, useEffect, useRef, useState } from 'react';
import { localDb } from '../../local/db';
import { emptyIntake, type IntakeForm } from './intakeForm';

const DRAFT_ID = 'intake';

/**
 * The intake form, saved to IndexedDB as it is typed: a reload or a crash gives it back.
 * Only saving the ticket or discarding on purpose removes it.
 */
export function useIntakeDraft() {
  const [form, setForm] = useState<IntakeForm>(emptyIntake);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let alive = true;
    void localDb.drafts.get(DRAFT_ID).then((draft) => {
      if (!alive) return;
      if (draft) {
        setForm({ ...emptyIntake, ...(draft.data as Partial<IntakeForm>) });
        setRestoredAt(draft.updatedAt);
      }
      setLoaded(true);
    });
    return () => {
      alive = false;
    };
  }, []);

  const update = useCallback((change: (current: IntakeForm) => IntakeForm) => {
    setForm((current) => {
      const next = change(current);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void localDb.drafts.put({ id: DRAFT_ID, data: next, updatedAt: Date.now() });
      }, 150);
      return next;
    });
  }, []);

  const clear = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await localDb.drafts.delete(DRAFT_ID);
    setForm(emptyIntake);
    setRestoredAt(null);
  }, []);

  return { form, update, clear, restoredAt, loaded };
}
