import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../shared/contract/board';
import { formatAge } from '../../components/format';
import { SlaMeter } from '../../components/SlaMeter';
import '../checklists/checklists.css';
import { NeedsTriageBadge } from '../mail/NeedsTriageBadge';

type Props = {
  card: BoardCard;
  selected: boolean;
  tabbable: boolean;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onDragStart: (card: BoardCard) => void;
};

const same = (a: Props, b: Props) =>
  a.selected === b.selected &&
  a.tabbable === b.tabbable &&
  a.card.id === b.card.id &&
  a.card.version === b.card.version &&
  a.card.needsTriage === b.card.needsTriage &&
  a.card.sla.level === b.card.sla.level &&
  a.card.sla.remainingMinutes === b.card.sla.remainingMinutes &&
  a.card.checklist?.done === b.card.checklist?.done &&
  a.card.mspClock?.late === b.card.mspClock?.late &&
  a.onSelect === b.onSelect &&
  a.onOpen === b.onOpen &&
  a.onDragStart === b.onDragStart;

/**
 * One ticket on the whiteboard: number, age, title, who, tier, MSP, and its clock. A refetch brings new objects
 * for every card; only cards whose ticket or clock changed render again.
 */
export const BoardCardView = memo(function BoardCardView({
  card,
  selected,
  tabbable,
  onSelect,
  onOpen,
  onDragStart,
}: Props) {
  const { t } = useTranslation();
  return (
    <div
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      className={`card prio-edge-${card.priority} ${selected ? 'selected' : ''}`}
      data-testid={`card-${card.number}`}
      data-card={card.id}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', card.number);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart(card);
      }}
      onClick={() => onSelect(card.id)}
      onDoubleClick={() => onOpen(card.id)}
      onKeyDown={(e) => {
        // The card is a button: Enter on it opens it (the board's own keys leave Enter on buttons alone).
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          onOpen(card.id);
        }
      }}
    >
      <div className="card-top">
        <span className="mono">{card.number}</span>
        <span className="muted">{formatAge(card.createdAt)}</span>
        <span className="card-tags">
          {card.needsTriage ? <NeedsTriageBadge /> : null}
          {card.tier === 'second' ? <span className="tag">{t(`labels:tier.${card.tier}`)}</span> : null}
          {card.msp ? (
            <span
              className={`tag tag-msp ${card.mspClock?.late ? 'tag-overdue' : ''}`}
              title={card.mspClock?.late ? t('msp.overdue') : undefined}
            >
              MSP{card.mspClock?.reference ? ` ${card.mspClock.reference}` : ''}
              {card.mspClock?.late ? ' !' : ''}
            </span>
          ) : null}
          {card.checklist ? (
            <span className="tag" title={t('board.checklist')}>
              ☑ {card.checklist.done}/{card.checklist.total}
            </span>
          ) : null}
        </span>
      </div>
      <div className="card-title">{card.title}</div>
      <div className="card-who muted">
        {card.requesterName}
        {card.department ? ` · ${card.department}` : ''}
        {card.assignee ? ` · ${card.assignee}` : ''}
      </div>
      <SlaMeter sla={card.sla} compact />
    </div>
  );
}, same);
