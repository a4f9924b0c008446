import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type Toaster, type ToastTone } from './toastContext';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

const SUCCESS_MS = 6000;

/**
 * Status messages after an action ("User created"). The live regions are always in the page, so
 * screen readers announce what is added to them: success politely, errors assertively.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const toaster = useMemo<Toaster>(
    () => ({
      show(message, tone = 'success') {
        const id = nextId.current++;
        setToasts((current) => [...current, { id, message, tone }]);
        if (tone === 'success') {
          timers.current.set(
            id,
            window.setTimeout(() => {
              dismiss(id);
            }, SUCCESS_MS),
          );
        }
      },
    }),
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      pending.forEach((timer) => {
        window.clearTimeout(timer);
      });
    };
  }, []);

  return (
    <ToastContext value={toaster}>
      {children}
      <div className="toasts">
        <ToastRegion live="polite" toasts={toasts.filter((t) => t.tone === 'success')} onDismiss={dismiss} />
        <ToastRegion live="assertive" toasts={toasts.filter((t) => t.tone === 'error')} onDismiss={dismiss} />
      </div>
    </ToastContext>
  );
}

/** A live region without a role, so it never competes with a page's own status or alert. */
function ToastRegion({
  live,
  toasts,
  onDismiss,
}: {
  live: 'polite' | 'assertive';
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
}) {
  return (
    <div aria-live={live} aria-relevant="additions text" className="toasts__region" data-testid={`toasts-${live}`}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`}>
          <span>{toast.message}</span>
          <button
            type="button"
            className="toast__dismiss"
            aria-label={`Dismiss: ${toast.message}`}
            onClick={() => {
              onDismiss(toast.id);
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
