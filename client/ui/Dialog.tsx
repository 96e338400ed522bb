import { type ReactElement, type ReactNode, useEffect, useId, useRef } from 'react';

export interface DialogProps {
  readonly isOpen: boolean;
  /** Called when the dialog closes by itself: Esc, a `method="dialog"` form, or `close()`. */
  readonly onClose: () => void;
  readonly title: string;
  readonly children: ReactNode;
  readonly className?: string;
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, closes it on Esc and
 * returns focus to where it was. The parent owns whether it is open.
 */
export function Dialog({ isOpen, onClose, title, children, className }: DialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) {
      return;
    }
    if (isOpen && !dialog.open) {
      dialog.showModal();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);
  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId} onClose={onClose}>
      {isOpen ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
