import { NeedsTriageBadge } from '../mail/NeedsTriageBadge';
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { TicketSort } from '../../../shared/contract/tickets';
import type { TicketSummary } from '../../../shared/domain/ticket';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { formatAge, formatDateTime, formatDue } from '../../components/format';
import { useClock } from '../../state/clock';

export const listFeatures = tableFeatures({ columnSizingFeature, columnResizingFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof listFeatures, TicketSummary>();

/** Which server-side sort a column header asks for. */
export const sortByColumn: Record<string, TicketSort['by']> = {
  priority: 'priority',
  number: 'number',
  age: 'created',
  updated: 'updated',
};

/** The deadline that counts, coloured as the board's bar: breached past it, at risk from 75 %. */
function SlaDue({ sla }: { sla: TicketSummary['sla'] }) {
  const now = useClock((s) => s.now);
  if (!sla) return <span className="muted">–</span>;
  const level =
    now > Date.parse(sla.dueAt) ? 'breached' : sla.atRiskAt && now >= Date.parse(sla.atRiskAt) ? 'atRisk' : 'onTrack';
  return (
    <span className={`sla-due sla-${level}`} data-level={level} title={formatDateTime(sla.dueAt)}>
      {formatDue(sla.dueAt)}
    </span>
  );
}

export function ticketColumns(t: TFunction) {
  return helper.columns([
    helper.accessor('priority', {
      id: 'priority',
      header: () => t('list.col.priority'),
      size: 52,
      cell: (c) => <PriorityBadge priority={c.getValue()} />,
    }),
    helper.accessor('number', {
      id: 'number',
      header: () => t('list.col.number'),
      size: 92,
      cell: (c) => <span className="mono">{c.getValue()}</span>,
    }),
    helper.accessor('title', {
      id: 'title',
      header: () => t('list.col.title'),
      size: 270,
      cell: (c) => (
        <span className="ellipsis strong">
          {c.row.original.needsTriage ? <NeedsTriageBadge /> : null} {c.getValue()}
        </span>
      ),
    }),
    helper.accessor('status', {
      id: 'status',
      header: () => t('list.col.status'),
      // Wide enough for the longest status ("Wartet auf Dienstleister") at 1366 px.
      size: 165,
      cell: (c) => <StatusBadge status={c.getValue()} />,
    }),
    helper.accessor('sla', {
      id: 'sla',
      header: () => t('list.col.sla'),
      size: 132,
      cell: (c) => <SlaDue sla={c.getValue()} />,
    }),
    helper.accessor('createdAt', {
      id: 'age',
      header: () => t('list.col.age'),
      size: 90,
      cell: (c) => (
        <span className="muted" title={formatDateTime(c.getValue())}>
          {formatAge(c.getValue())}
        </span>
      ),
    }),
    helper.accessor('requesterName', {
      id: 'requester',
      header: () => t('list.col.requester'),
      size: 130,
      cell: (c) => <span className="ellipsis">{c.getValue()}</span>,
    }),
    helper.accessor('department', {
      id: 'department',
      header: () => t('list.col.department'),
      size: 100,
      cell: (c) => <span className="ellipsis muted">{c.getValue()}</span>,
    }),
    helper.accessor('category', {
      id: 'category',
      header: () => t('list.col.category'),
      size: 120,
      cell: (c) => {
        const v = c.getValue();
        return <span className="ellipsis muted">{v ? t(`labels:category.${v}`) : '–'}</span>;
      },
    }),
    helper.accessor('channel', {
      id: 'channel',
      header: () => t('list.col.channel'),
      size: 100,
      cell: (c) => <span className="muted">{t(`labels:channel.${c.getValue()}`)}</span>,
    }),
    helper.accessor('tier', {
      id: 'tier',
      header: () => t('list.col.tier'),
      size: 110,
      cell: (c) => <span className="muted">{t(`labels:tier.${c.getValue()}`)}</span>,
    }),
    helper.accessor('assignee', {
      id: 'assignee',
      header: () => t('list.col.assignee'),
      size: 110,
      cell: (c) => <span className="ellipsis muted">{c.getValue() ?? '–'}</span>,
    }),
    helper.accessor('updatedAt', {
      id: 'updated',
      header: () => t('list.col.updated'),
      size: 130,
      cell: (c) => <span className="muted">{formatDateTime(c.getValue())}</span>,
    }),
  ]);
}
