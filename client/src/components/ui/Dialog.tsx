import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Focused on open; by default the first field or button after the title. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Set on a dialog whose point is a warning or a question (`alertdialog`). */
  alert?: boolean;
  /** The id of the text that says what the dialog is about, read out when it opens. */
  describedBy?: string;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/**
 * A modal dialog on the native `<dialog>`: the page behind is inert, Escape closes it, focus moves
 * in on open and goes back to what opened it on close. Render it only while it is open.
 */
export function Dialog({ title, onClose, children, initialFocus, alert = false, describedBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const target = initialFocus?.current ?? bodyRef.current?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // Escape: let React state close it, so it unmounts and focus returns.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div ref={bodyRef} className="dialog__body">
        {children}
      </div>
    </dialog>
  );
}
