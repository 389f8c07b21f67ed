import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = {
  /** The dialog's name, read out when it opens; usually its visible heading. */
  title: ReactNode;
  onClose: () => void;
  className?: string;
  testId?: string;
  /** Extra header content beside the title (e.g. a close button is always there). */
  closeLabel: string;
  children: ReactNode;
};

/**
 * A real modal dialog (the platform's `<dialog>` with `showModal()`): the page behind is inert, focus moves in and
 * cannot leave, Esc closes from any control, and on close the focus goes back to where it was. Chosen over a
 * library primitive because Chromium (the only engine Leitstand runs in) implements all of it natively.
 */
export function Modal({ title, onClose, className, testId, closeLabel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Taken while rendering, before any autofocus inside the dialog moves the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus cannot work here (a closed <dialog> is not rendered): the content marks its first control
    // with data-autofocus; without one the platform focuses the first control (the close button).
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the opener; if it is gone (the card moved), to the view's heading.
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('main h1');
      target?.focus({ preventScroll: true });
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself; the content sits in .modal-body.
        if (event.target === event.currentTarget) close.current();
      }}
    >
      <div className="modal-body">
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="quiet modal-close" aria-label={closeLabel} onClick={() => close.current()}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
