import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/context';
import { formatDate } from '../../components/format';
import { useUi } from '../../state/ui';

/** Overdue action items of problems, as the desk's watch finds them: one reminder each. */
export function useActionReminders() {
  const client = useClient();
  const { t } = useTranslation();
  const toast = useUi((s) => s.toast);
  useEffect(
    () =>
      client.onChange((change) => {
        if (change.entity !== 'actionOverdue') return;
        for (const a of change.actions)
          toast(
            'error',
            t('problems.planned.reminder', { title: a.title, problem: a.problemTitle, date: formatDate(a.due) }),
          );
      }),
    [client, t, toast],
  );
}
