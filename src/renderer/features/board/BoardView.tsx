import { PlannedWork } from '../problems/PlannedWork';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, BoardCell, BoardColumn } from '../../../shared/contract/board';
import { prioritySchema, type Priority } from '../../../shared/domain/enums';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { PriorityBadge } from '../../components/Badges';
import { useUi } from '../../state/ui';
import { isTyping } from '../ticket/useShortcut';
import { BoardCardView } from './BoardCardView';
import { BoardFilters } from './BoardFilters';
import { boardColumns, columnOf, neighbour, planMove, type MovePlan } from './boardMoves';
import { MoveDialog, type MoveAnswers } from './MoveDialog';
import { BoardCellView } from './BoardCellView';
import { useBoardData } from './useBoardData';
import './board.css';
import { ownValue } from '../../../shared/domain/own';

const cellKey = (priority: Priority, column: BoardColumn) => `${priority}|${column}`;

/** The whiteboard: priority rows × status columns; drag a card or move it with Shift+arrows. */
export function BoardView() {
  const { t } = useTranslation();
  const client = useClient();
  const { navigate, toast, offerUndo } = useUi();
  const { board, filter, setFilter } = useBoardData();
  const { refetch } = board;
  const [selected, setSelected] = useState<number | null>(null);
  const [plan, setPlan] = useState<MovePlan | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dragged = useRef<BoardCard | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const cells = useMemo(() => {
    const map = new Map<string, BoardCell>();
    for (const cell of board.data?.cells ?? []) map.set(cellKey(cell.priority, cell.column), cell);
    return map;
  }, [board.data]);
  const cards = useMemo(
    () => new Map([...cells.values()].flatMap((c) => c.cards.map((card) => [card.id, card]))),
    [cells],
  );

  const execute = useCallback(
    async (move: MovePlan, answers: MoveAnswers) => {
      setPlan(null);
      try {
        let version = move.card.version;
        if (move.priority) {
          const updated = await client.call('tickets.update', {
            id: move.card.id,
            expectedVersion: version,
            triageOverride: { priority: move.priority, reason: answers.reason },
          });
          version = updated.version;
        }
        const to = move.status === 'waiting' ? answers.waitingOn : move.status;
        if (to) {
          const moved = await client.call('tickets.transition', {
            id: move.card.id,
            to,
            expectedVersion: version,
            ...(to === 'resolved' ? { resolution: answers.resolution } : {}),
          });
          version = moved.version;
        }
        // A move (a status or a priority, one change each) can be taken back for a few seconds.
        const undone = version;
        offerUndo(t('board.moved', { number: move.card.number }), t('detail.undo'), () => {
          client.call('tickets.undo', { id: move.card.id, expectedVersion: undone }).then(
            () => toast('info', t('detail.undone')),
            (error: unknown) => toast('error', error instanceof ApiError ? error.message : String(error)),
          );
        });
      } catch (error) {
        toast('error', error instanceof ApiError ? error.message : String(error));
        refetch();
      }
    },
    [client, toast, offerUndo, t, refetch],
  );

  const request = useCallback(
    (card: BoardCard, priority: Priority, column: BoardColumn) => {
      const next = planMove(card, priority, column);
      if (!next) {
        toast('error', t('board.notAllowed'));
        return;
      }
      // A plain move into "in progress" or back needs no question; everything else asks first.
      if (!next.priority && next.status !== 'waiting' && next.status !== 'resolved')
        void execute(next, { reason: '', waitingOn: null, resolution: '' });
      else setPlan(next);
    },
    [execute, toast, t],
  );

  // Keyboard: arrows (or h j k l) move the selection, Shift+arrows move the card, Enter opens it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (plan || isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const keys: Record<string, 'left' | 'right' | 'up' | 'down'> = {
        ArrowLeft: 'left',
        ArrowRight: 'right',
        ArrowUp: 'up',
        ArrowDown: 'down',
        h: 'left',
        l: 'right',
        k: 'up',
        j: 'down',
        H: 'left',
        L: 'right',
        K: 'up',
        J: 'down',
      };
      const direction = ownValue(keys, event.key);
      const current = selected !== null ? cards.get(selected) : undefined;
      if (event.key === 'Enter' && current) {
        event.preventDefault();
        navigate({ name: 'ticket', id: current.id });
        return;
      }
      if (!direction) return;
      event.preventDefault();
      if (!current) {
        const first = [...cells.values()].find((c) => c.cards.length)?.cards[0];
        if (first) setSelected(first.id);
        return;
      }
      if (event.shiftKey) {
        const target = neighbour(current, direction);
        if (target) request(current, target[0], target[1]);
        return;
      }
      setSelected(nextSelection(cells, current, direction) ?? current.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cards, cells, selected, plan, request, navigate]);

  useEffect(() => {
    if (selected === null) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-card="${selected}"]`)?.focus({ preventScroll: false });
  }, [selected, board.data]);

  const onOpen = useCallback((id: number) => navigate({ name: 'ticket', id }), [navigate]);
  const onDragStart = useCallback((card: BoardCard) => {
    dragged.current = card;
  }, []);

  const firstCard = [...prioritySchema.options].flatMap((priority) =>
    boardColumns.flatMap((column) => cells.get(cellKey(priority, column))?.cards ?? []),
  )[0]?.id;
  const totals = (priority: Priority) =>
    boardColumns.reduce((sum, column) => sum + (cells.get(cellKey(priority, column))?.total ?? 0), 0);

  return (
    <div className="board-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('board.heading')}</h1>
        <BoardFilters filter={filter} onChange={setFilter} />
        <span className="muted board-hint">{t('board.hint')}</span>
      </header>
      {board.error ? <div className="banner error">{board.error.message}</div> : null}
      <div className="board-grid" ref={gridRef} data-testid="board" role="group" aria-label={t('a11y.board')}>
        <div className="board-corner" />
        {boardColumns.map((column) => (
          <div key={column} className="board-col-head">
            {t(`board.column.${column}`)}
          </div>
        ))}
        {prioritySchema.options.map((priority) => (
          <BoardRow
            key={priority}
            priority={priority}
            total={totals(priority)}
            cells={cells}
            selected={selected}
            firstCard={firstCard}
            dropTarget={dropTarget}
            onSelect={setSelected}
            onOpen={onOpen}
            onDragStart={onDragStart}
            onDragOver={(key) => setDropTarget(key)}
            onDrop={(column) => {
              setDropTarget(null);
              const card = dragged.current;
              dragged.current = null;
              if (card) request(card, priority, column);
            }}
            onMore={() => navigate({ name: 'tickets' })}
          />
        ))}
      </div>
      <PlannedWork compact />
      {plan ? (
        <MoveDialog plan={plan} onCancel={() => setPlan(null)} onConfirm={(answers) => void execute(plan, answers)} />
      ) : null}
    </div>
  );
}

function nextSelection(
  cells: Map<string, BoardCell>,
  current: BoardCard,
  direction: 'left' | 'right' | 'up' | 'down',
): number | undefined {
  const column = columnOf(current.status);
  const cell = cells.get(cellKey(current.priority, column));
  const index = cell?.cards.findIndex((c) => c.id === current.id) ?? -1;
  if ((direction === 'up' || direction === 'down') && cell) {
    const within = cell.cards[index + (direction === 'up' ? -1 : 1)];
    if (within) return within.id;
  }
  // Leave the cell: the nearest non-empty cell in that direction.
  let rank = Number(current.priority.slice(1));
  let col = boardColumns.indexOf(column);
  for (let step = 0; step < 4; step += 1) {
    if (direction === 'up') rank -= 1;
    if (direction === 'down') rank += 1;
    if (direction === 'left') col -= 1;
    if (direction === 'right') col += 1;
    const next = cells.get(cellKey(`P${rank}` as Priority, boardColumns[col] ?? 'new'));
    if (rank < 1 || rank > 4 || col < 0 || col > 3) return undefined;
    const target = direction === 'up' ? next?.cards.at(-1) : next?.cards[0];
    if (target) return target.id;
  }
  return undefined;
}

type RowProps = {
  priority: Priority;
  total: number;
  cells: Map<string, BoardCell>;
  selected: number | null;
  /** The card that takes Tab while none is selected, so the board is reachable by keyboard. */
  firstCard: number | undefined;
  dropTarget: string | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onDragStart: (card: BoardCard) => void;
  onDragOver: (key: string | null) => void;
  onDrop: (column: BoardColumn) => void;
  onMore: () => void;
};

function BoardRow({ priority, total, cells, selected, firstCard, dropTarget, onMore, ...handlers }: RowProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className={`board-row-head prio-edge-${priority}`}>
        <PriorityBadge priority={priority} long />
        <span className="muted">{total}</span>
      </div>
      {boardColumns.map((column) => {
        const key = cellKey(priority, column);
        const cell = cells.get(key);
        return (
          <BoardCellView
            key={column}
            testId={`cell-${priority}-${column}`}
            label={t('a11y.boardCell', {
              priority: t(`labels:priority.${priority}`),
              column: t(`board.column.${column}`),
            })}
            dropping={dropTarget === key}
            onDragOver={() => dropTarget !== key && handlers.onDragOver(key)}
            onDragLeave={() => handlers.onDragOver(null)}
            onDrop={() => handlers.onDrop(column)}
          >
            {cell?.cards.map((card) => (
              <BoardCardView
                key={card.id}
                card={card}
                selected={selected === card.id}
                tabbable={selected === card.id || (selected === null && firstCard === card.id)}
                onSelect={handlers.onSelect}
                onOpen={handlers.onOpen}
                onDragStart={handlers.onDragStart}
              />
            ))}
            {cell && cell.total > cell.cards.length ? (
              <button type="button" className="link more" onClick={onMore}>
                {t('board.more', { count: cell.total - cell.cards.length })}
              </button>
            ) : null}
          </BoardCellView>
        );
      })}
    </>
  );
}
