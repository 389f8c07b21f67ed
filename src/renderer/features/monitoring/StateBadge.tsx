import { useTranslation } from 'react-i18next';
import type { CheckState } from '../../../shared/domain/monitoring';

/** A check's or system's state in words and a shape, never by colour alone. */
export function StateBadge({ state, flapping = false }: { state: CheckState; flapping?: boolean }) {
  const { t } = useTranslation();
  const mark = { up: '●', degraded: '◐', down: '▲', unknown: '○' }[state];
  return (
    <span className={`state-badge state-${state}`} data-state={state}>
      <span aria-hidden="true">{mark}</span> {t(`monitoring.state.${state}`)}
      {flapping ? <em className="flapping"> · {t('monitoring.flapping')}</em> : null}
    </span>
  );
}
