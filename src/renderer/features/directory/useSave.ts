import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, type FieldErrors } from '../../components/FieldErrors';
import { useUi } from '../../state/ui';

/** Runs a save, shows a toast, and keeps the refusal's field errors (under `prefix`) for the form. */
export function useSave(prefix: string) {
  const { t } = useTranslation();
  const toast = useUi((s) => s.toast);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: () => void) => {
    setBusy(true);
    try {
      await work();
      setErrors(new Map());
      toast('info', t('directory.saved'));
      done();
    } catch (error) {
      const fields = fieldErrorsOf(error, [prefix]);
      setErrors(fields);
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, run };
}
