import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

type Props = {
  testId: string;
  label: string;
  dropping: boolean;
  onDragOver: () => void;
  onDragLeave: () => void;
  onDrop: () => void;
  children: ReactNode;
};

/**
 * One cell of the board (a priority × a column), named for screen readers. A cell that holds more cards than it
 * shows scrolls; then it takes Tab itself, so its hidden cards can be scrolled to by keyboard too.
 */
export function BoardCellView({ testId, label, dropping, onDragOver, onDragLeave, onDrop, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflowing(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  });
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      tabIndex={overflowing ? 0 : undefined}
      className={`board-cell ${dropping ? 'drop' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        onDragOver();
      }}
      onDragLeave={onDragLeave}
      onDrop={(e) => {
        e.preventDefault();
        onDrop();
      }}
    >
      {children}
    </div>
  );
}
