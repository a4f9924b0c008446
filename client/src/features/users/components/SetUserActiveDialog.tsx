import { ConfirmDialog, useToast } from '../../../components/ui';
import { useSetUserActive } from '../api/useSetUserActive';
import type { User } from '../api/useUsers';

/** Confirms deactivating (signed out at once, records kept) or reactivating a person. */
export function SetUserActiveDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const setActive = useSetUserActive();
  const toast = useToast();
  const activate = !user.isActive;

  return (
    <ConfirmDialog
      title={activate ? `Reactivate ${user.displayName}?` : `Deactivate ${user.displayName}?`}
      confirmLabel={activate ? 'Reactivate' : 'Deactivate'}
      tone={activate ? 'primary' : 'danger'}
      pending={setActive.isPending}
      error={setActive.error}
      onCancel={onClose}
      onConfirm={() => {
        setActive.mutate(
          { id: user.id, active: activate },
          {
            onSuccess: (saved) => {
              toast.show(`${saved.displayName} is ${saved.isActive ? 'active again' : 'deactivated'}.`);
              onClose();
            },
          },
        );
      }}
    >
      {activate ? (
        <p>They will be able to sign in again with their current password.</p>
      ) : (
        <>
          <p>They are signed out at once and can no longer sign in.</p>
          <p>Their leads, opportunities and activities stay, and keep counting in the metrics.</p>
        </>
      )}
    </ConfirmDialog>
  );
}
