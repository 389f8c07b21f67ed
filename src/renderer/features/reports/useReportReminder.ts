import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/context';
import { useUi } from '../../state/ui';

/** The monthly report falling due (first working day of a month), as the desk's watch finds it: once. */
export function useReportReminder() {
  const client = useClient();
  const { t, i18n } = useTranslation();
  const { toast, navigate } = useUi();
  useEffect(
    () =>
      client.onChange((change) => {
        if (change.entity !== 'reportDue') return;
        const [year, month] = change.month.split('-').map(Number);
        const name = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, 1)));
        toast('info', t('reports.reminder', { month: name }), {
          label: t('reports.reminderOpen'),
          run: () => navigate({ name: 'reports' }),
        });
      }),
    [client, t, i18n.language, toast, navigate],
  );
}
