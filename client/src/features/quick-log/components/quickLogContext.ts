import { createContext, useContext } from 'react';
import type { QuickLogPrefill } from '../api/types';

export interface QuickLogOpener {
  open: (prefill?: QuickLogPrefill) => void;
}

export const QuickLogContext = createContext<QuickLogOpener | null>(null);

/** Opens the quick-log dialog, optionally on a record and kind (e.g. from an opportunity page). */
export function useQuickLog(): QuickLogOpener {
  const opener = useContext(QuickLogContext);
  if (!opener) throw new Error('useQuickLog needs a QuickLogProvider above it (the app shell has one).');
  return opener;
}
