import { useTranslation } from 'react-i18next';
import type { Priority, Status } from '../../shared/domain/enums';

export function PriorityBadge({ priority, long = false }: { priority: Priority; long?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`prio prio-${priority}`} title={t(`labels:priority.${priority}`)}>
      {long ? t(`labels:priority.${priority}`) : priority}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`labels:status.${status}`)}</span>;
}

/** A key as the user's keyboard labels it: a German keyboard says "Strg", "Umschalt", "Eingabe", "Entf". */
export function Kbd({ children }: { children: string }) {
  const { t } = useTranslation();
  const shown = children
    .replace(/\bCtrl\b/g, t('keys.ctrl'))
    .replace(/\bShift\b/g, t('keys.shift'))
    .replace(/\bEnter\b/g, t('keys.enter'))
    .replace(/\bEsc\b/g, t('keys.esc'));
  return <kbd className="kbd">{shown}</kbd>;
}
