import { useRef, type ReactNode } from 'react';
import { toApiProblem } from '../../api/problem';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  /** The failed attempt, shown in the dialog so the person can retry or cancel. */
  error?: unknown;
  tone?: 'danger' | 'primary';
}

/** Asks before doing something that is hard to undo. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  pending = false,
  error,
  tone = 'danger',
}: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const problem = error ? toApiProblem(error) : null;
  return (
    <Dialog title={title} onClose={onCancel} initialFocus={cancelRef} alert>
      <div className="dialog__text">{children}</div>
      {problem && <Alert>{problem.detail ?? problem.title}</Alert>}
      <div className="dialog__actions">
        <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant={tone} onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
          {pending ? 'Working…' : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
