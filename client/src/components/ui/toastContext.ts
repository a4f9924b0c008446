import { createContext, useContext } from 'react';

export type ToastTone = 'success' | 'error';

export interface Toaster {
  /** Announces a short message: success politely, errors at once; errors stay until dismissed. */
  show: (message: string, tone?: ToastTone) => void;
}

export const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs a ToastProvider above it (AppProviders has one).');
  return toaster;
}
