import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextUpItem } from '../../../shared/contract/board';
import { useQuery } from '../../api/useQuery';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { NeedsTriageBadge } from '../mail/NeedsTriageBadge';
import { formatAge } from '../../components/format';
import { SlaMeter } from '../../components/SlaMeter';
import { useUi } from '../../state/ui';
import { isTyping } from '../ticket/useShortcut';
import '../board/board.css';

const REFRESH_MS = 60_000;

/** Why the ticket stands here: its priority and what made it, then its clock. */
function Reason({ item }: { item: NextUpItem }) {
  const { t } = useTranslation();
  const triage = item.triage.overridden
    ? t('next.overridden')
    : t('next.matrix', {
        impact: t(`labels:level.${item.triage.impact}`),
        urgency: t(`labels:level.${item.triage.urgency}`),
      });
  return (
    <div className="next-reason muted">
      {item.priority} {t('next.because')} {triage}
    </div>
  );
}

/** "What do I do now": open tickets by priority, then by the deadline due first. */
export function NextUpView() {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  const next = useQuery('tickets.nextUp', { limit: 50 }, (c) => c.entity === 'ticket' || c.entity === 'settings');
  const [cursor, setCursor] = useState(0);
  const items = useMemo(() => next.data?.items ?? [], [next.data]);
  const { refetch } = next;
  useEffect(() => {
    const timer = setInterval(refetch, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  useEffect(() => {
    document.querySelector('.next-item.selected')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'ArrowDown' || event.key === 'j') setCursor((c) => Math.min(items.length - 1, c + 1));
      else if (event.key === 'ArrowUp' || event.key === 'k') setCursor((c) => Math.max(0, c - 1));
      else if (event.key === 'Enter' && items[cursor]) navigate({ name: 'ticket', id: items[cursor].id });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, cursor, navigate]);

  return (
    <div className="next-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('next.heading')}</h1>
        <span className="muted">{t('next.order')}</span>
      </header>
      {next.error ? <div className="banner error">{next.error.message}</div> : null}
      <ol
        className="next-list"
        data-testid="next-up"
        role="listbox"
        aria-label={t('a11y.nextList')}
        aria-activedescendant={items[cursor] ? `next-item-${items[cursor].id}` : undefined}
        tabIndex={0}
        data-main-focus
      >
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`next-item-${item.id}`}
            role="option"
            aria-selected={index === cursor}
            className={`next-item prio-edge-${item.priority} ${index === cursor ? 'selected' : ''}`}
            onClick={() => setCursor(index)}
            onDoubleClick={() => navigate({ name: 'ticket', id: item.id })}
            data-testid={`next-${item.number}`}
          >
            <span className="next-rank">{index + 1}</span>
            <PriorityBadge priority={item.priority} />
            <div className="next-main">
              <div className="next-title">
                <span className="mono muted">{item.number}</span> {item.title}
                {item.needsTriage ? (
                  <>
                    {' '}
                    <NeedsTriageBadge />
                  </>
                ) : null}
              </div>
              <Reason item={item} />
            </div>
            <div className="next-who muted">
              {item.requesterName}
              {item.department ? ` · ${item.department}` : ''}
              <div>{formatAge(item.createdAt)}</div>
            </div>
            <StatusBadge status={item.status} />
            <div className="next-sla">
              <SlaMeter sla={item.sla} />
            </div>
          </li>
        ))}
      </ol>
      {next.data ? (
        <footer className="next-footer muted">
          {items.length === 0 ? t('next.empty') : null}{' '}
          {t('next.counts', { shown: items.length, total: next.data.total, paused: next.data.paused })}
        </footer>
      ) : null}
    </div>
  );
}
