import { Button } from './Button';

interface Props {
  label: string;
  /** Shown while the save runs, e.g. "Saving…"; the button is disabled meanwhile. */
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
}

export function SubmitButton({ label, pendingLabel, pending, disabled = false }: Props) {
  return (
    <Button type="submit" disabled={pending || disabled}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
