import { Button } from '../../../components/ui';
import { useQuickLog } from './quickLogContext';

/** The shell's always-visible way into quick log; `L` does the same from anywhere on the page. */
export function QuickLogButton() {
  const quickLog = useQuickLog();
  return (
    <Button
      className="quick-log-button"
      aria-keyshortcuts="L"
      title="Log a call, email, meeting or note, or schedule a follow-up (shortcut: L)"
      onClick={() => {
        quickLog.open();
      }}
    >
      Log <kbd aria-hidden="true">L</kbd>
    </Button>
  );
}
