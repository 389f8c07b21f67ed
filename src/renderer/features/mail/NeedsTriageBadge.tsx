import { useTranslation } from 'react-i18next';
import './mail.css';

/** Marks a ticket taken in from a mail whose first-contact questions are still open. */
export function NeedsTriageBadge() {
  const { t } = useTranslation();
  return (
    <span className="tag tag-triage" title={t('mail.needsTriageTitle')} data-testid="needs-triage">
      {t('mail.needsTriage')}
    </span>
  );
}
