import { type ReactElement, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';

export interface DisclosureProps {
  /** The button's content. */
  readonly label: ReactNode;
  /** The button's accessible name when its content is an icon or more than a name. */
  readonly ariaLabel?: string;
  readonly buttonClassName?: string;
  readonly panelClassName?: string;
  readonly children: ReactNode;
}

/**
 * A button that shows a panel of links under it (a header menu). Esc, a click elsewhere or
 * following a link closes it; Esc gives the focus back to the button.
 */
export function Disclosure({
  label,
  ariaLabel,
  buttonClassName,
  panelClassName,
  children,
}: DisclosureProps): ReactElement {
  const [isOpen, setOpen] = useState(false);
  const [location] = useLocation();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    // A link in the panel was followed.
    void location;
    setOpen(false);
  }, [location]);
  useEffect(() => {
    if (!isOpen) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [isOpen]);
  return (
    <div className="disclosure" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={ariaLabel}
        onClick={() => setOpen((open) => !open)}
      >
        {label}
      </button>
      <div id={panelId} className={`disclosure-panel ${panelClassName ?? ''}`} hidden={!isOpen}>
        {children}
      </div>
    </div>
  );
}
