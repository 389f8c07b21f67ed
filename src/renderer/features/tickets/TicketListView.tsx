import { ReportCaption } from '../reports/ReportCaption';
import { flexRender, useTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilter } from '../../../shared/contract/tickets';
import type { TicketSummary } from '../../../shared/domain/ticket';
import { loadViewPref, saveViewPref } from '../../local/db';
import { useQuery } from '../../api/useQuery';
import { routeHash } from '../../state/router';
import { useUi } from '../../state/ui';
import { ColumnsMenu } from './ColumnsMenu';
import { listFeatures, sortByColumn, ticketColumns } from './columns';
import { defaultListPrefs, type ListPrefs } from './listPrefs';
import { ListToolbar } from './ListToolbar';
import { useTicketPages } from './useTicketPages';

const ROW_HEIGHT = 32;
const PREFS_KEY = 'ticketList';

export function TicketListView() {
  const [prefs, setPrefs] = useState<ListPrefs | null>(null);
  const routeQuery = useUi((s) => (s.route.name === 'tickets' ? s.route.q : undefined));
  const routeReport = useUi((s) => (s.route.name === 'tickets' ? s.route.report : undefined));
  useEffect(() => {
    void loadViewPref(PREFS_KEY, defaultListPrefs).then((stored) => {
      const loaded = {
        ...defaultListPrefs,
        ...stored,
        filter: { ...(stored?.filter ?? defaultListPrefs.filter), report: undefined },
      };
      // A report's figure or a search in the address wins over the remembered one (a link, the back button).
      if (routeReport) setPrefs({ ...loaded, filter: { report: routeReport } });
      else setPrefs(routeQuery ? { ...loaded, filter: { ...loaded.filter, q: routeQuery } } : loaded);
    });
    // Only on opening: later searches write the address themselves.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return prefs ? <TicketList prefs={prefs} setPrefs={setPrefs} /> : null;
}

function TicketList({ prefs, setPrefs }: { prefs: ListPrefs; setPrefs: (prefs: ListPrefs) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useUi((s) => s.navigate);
  const update = useCallback(
    (change: Partial<ListPrefs>) => {
      const next = { ...prefs, ...change };
      setPrefs(next);
      // A report's figure is where the list was opened from, not a filter to come back to.
      void saveViewPref(PREFS_KEY, { ...next, filter: { ...next.filter, report: undefined } });
    },
    [prefs, setPrefs],
  );
  const { items, total, hasMore, loadMore, error } = useTicketPages(prefs.filter, prefs.sort);
  // The search shows in the address; replaced, not pushed, so typing does not fill the history.
  const q = prefs.filter.q;
  const report = prefs.filter.report;
  useEffect(() => {
    const hash = routeHash({ name: 'tickets', ...(q ? { q } : {}), ...(report ? { report } : {}) });
    // Only while the address is the list's: a ticket opened meanwhile (#/tickets/42) is never overwritten.
    if (!/^#\/tickets(\?(q|report)=.*)?$/.test(window.location.hash)) return;
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
  }, [q, report]);
  // Searching among open tickets only: say how many more the resolved ones hold, instead of "no matches".
  const elsewhere = useQuery(
    'tickets.list',
    q && prefs.filter.open === true && items.length === 0 && !hasMore
      ? { filter: { ...prefs.filter, open: false }, limit: 1 }
      : null,
  );
  const moreElsewhere = elsewhere.data?.total ?? 0;
  const columns = useMemo(() => ticketColumns(i18n.getFixedT(language)), [i18n, language]);
  const table = useTable({
    features: listFeatures,
    columns,
    data: items,
    getRowId: (row) => String(row.id),
    columnResizeMode: 'onChange',
    state: { columnSizing: prefs.columnSizing, columnVisibility: prefs.columnVisibility },
    onColumnSizingChange: (updater) =>
      update({ columnSizing: typeof updater === 'function' ? updater(prefs.columnSizing) : updater }),
    onColumnVisibilityChange: (updater) =>
      update({ columnVisibility: typeof updater === 'function' ? updater(prefs.columnVisibility) : updater }),
  });

  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 30) loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  // The list takes the keys when it opens (j/k/Enter work at once), unless a field already has the focus.
  useEffect(() => {
    if (document.activeElement === document.body) scroller.current?.focus();
  }, []);
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [prefs.filter, prefs.sort]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const move = (to: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next);
    };
    if (event.key === 'ArrowDown' || event.key === 'j') move(active + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') move(active - 1);
    else if (event.key === 'PageDown') move(active + 15);
    else if (event.key === 'PageUp') move(active - 15);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && rows[active]) navigate({ name: 'ticket', id: rows[active].original.id });
  };

  const onFilter = useCallback((filter: TicketFilter) => update({ filter }), [update]);
  const openTicket = useCallback((id: number) => navigate({ name: 'ticket', id }), [navigate]);
  // Rows re-render when the layout or language changes, not on every scroll frame.
  const layout = `${i18n.language}|${table
    .getVisibleLeafColumns()
    .map((c) => `${c.id}:${c.getSize()}`)
    .join(',')}`;
  const totalWidth = table.getTotalSize();
  return (
    <div className="list-view">
      <h1 className="visually-hidden" tabIndex={-1}>
        {t('a11y.title.tickets')}
      </h1>
      {report ? <ReportCaption report={report} onClear={() => onFilter({ open: true })} /> : null}
      <ListToolbar
        filter={prefs.filter}
        onFilter={onFilter}
        total={total}
        columnsMenu={
          <ColumnsMenu
            columns={table.getAllLeafColumns().map((c) => ({
              id: c.id,
              label: t(`list.col.${c.id}`),
              visible: c.getIsVisible(),
              toggle: () => c.toggleVisibility(),
            }))}
            onReset={() => update({ columnSizing: {}, columnVisibility: defaultListPrefs.columnVisibility })}
          />
        }
      />
      {error ? <div className="banner error">{error}</div> : null}
      <div
        className="grid"
        role="grid"
        aria-label={t('a11y.ticketGrid')}
        aria-rowcount={total + 1}
        aria-activedescendant={rows[active] ? `ticket-row-${rows[active].original.id}` : undefined}
        data-main-focus
        tabIndex={0}
        ref={scroller}
        onKeyDown={onKeyDown}
        data-testid="ticket-grid"
      >
        <div className="grid-head" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
          {table.getHeaderGroups()[0]?.headers.map((header) => {
            const sortKey = sortByColumn[header.column.id];
            const sorted = sortKey && prefs.sort.by === sortKey ? prefs.sort.dir : null;
            return (
              <div
                key={header.id}
                role="columnheader"
                className="cell head"
                style={{ width: header.getSize() }}
                aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button
                  type="button"
                  className="head-label"
                  disabled={!sortKey}
                  onClick={() => sortKey && update({ sort: { by: sortKey, dir: sorted === 'asc' ? 'desc' : 'asc' } })}
                >
                  <table.FlexRender header={header} />
                  {sorted ? <span className="sort-mark">{sorted === 'asc' ? '▲' : '▼'}</span> : null}
                </button>
                <span
                  className="resizer"
                  onMouseDown={header.getResizeHandler()}
                  onDoubleClick={() => header.column.resetSize()}
                />
              </div>
            );
          })}
        </div>
        {rows.length === 0 && !hasMore ? (
          moreElsewhere > 0 ? (
            <div className="empty" data-testid="more-elsewhere">
              {t('list.moreInResolved', { count: moreElsewhere })}{' '}
              <button type="button" className="quiet" onClick={() => onFilter({ ...prefs.filter, open: undefined })}>
                {t('list.showAll')}
              </button>
            </div>
          ) : (
            <div className="empty">{t(prefs.filter.q ? 'list.noMatches' : 'list.empty')}</div>
          )
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {virtualRows.map((item) => (
            <TicketRow
              key={rows[item.index]!.id}
              row={rows[item.index]!}
              index={item.index}
              start={item.start}
              active={item.index === active}
              layout={layout}
              onActivate={setActive}
              onOpen={openTicket}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

type RowProps = {
  row: Row<typeof listFeatures, TicketSummary>;
  index: number;
  start: number;
  active: boolean;
  layout: string;
  onActivate: (index: number) => void;
  onOpen: (id: number) => void;
};

const TicketRow = memo(function TicketRow({ row, index, start, active, onActivate, onOpen }: RowProps) {
  return (
    <div
      role="row"
      id={`ticket-row-${row.original.id}`}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="ticket-row"
      className={`grid-row ${active ? 'active' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row.original.id)}
    >
      {row.getVisibleCells().map((cell) => (
        <div key={cell.id} role="gridcell" className="cell" style={{ width: cell.column.getSize() }}>
          {cell.column.id === 'title' ? (
            <a href={`#/tickets/${row.original.id}`} className="row-link" tabIndex={-1}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </a>
          ) : (
            flexRender(cell.column.columnDef.cell, cell.getContext())
          )}
        </div>
      ))}
    </div>
  );
});
