import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { QuickLogPrefill } from '../api/types';
import { QuickLogContext, type QuickLogOpener } from './quickLogContext';
import { QuickLogDialog } from './QuickLogDialog';

/** Whether a key press belongs to something being typed in, rather than to the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Holds the quick-log dialog for the whole shell and opens it on `L` when nothing else has the keyboard. */
export function QuickLogProvider({ children }: { children: ReactNode }) {
  const [prefill, setPrefill] = useState<QuickLogPrefill | null>(null);
  const [session, setSession] = useState(0);

  const open = useCallback((value: QuickLogPrefill = {}) => {
    setPrefill(value);
    setSession((n) => n + 1);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'l' && event.key !== 'L') return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const opener = useMemo<QuickLogOpener>(() => ({ open }), [open]);

  return (
    <QuickLogContext value={opener}>
      {children}
      {prefill && (
        <QuickLogDialog
          key={session}
          prefill={prefill}
          onClose={() => {
            setPrefill(null);
          }}
        />
      )}
    </QuickLogContext>
  );
}
