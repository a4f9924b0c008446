import { ExplainDialog } from './ExplainDialog';
import type { Explaining } from './explaining';

interface Props {
  explaining: Explaining | null;
  nameOf: (userId: string) => string;
  onClose: () => void;
}

/** The drill-down dialog of a section, when one is open. */
export function ExplainHost({ explaining, nameOf, onClose }: Props) {
  if (!explaining) return null;
  return (
    <ExplainDialog
      title={explaining.title}
      queryKey={explaining.queryKey}
      fetchPage={explaining.fetchPage}
      nameOf={nameOf}
      onClose={onClose}
    />
  );
}
