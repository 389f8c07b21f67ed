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

export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>;
}
