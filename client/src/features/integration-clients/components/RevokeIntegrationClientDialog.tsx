import { ConfirmDialog, useToast } from '../../../components/ui';
import type { IntegrationClient } from '../api/useIntegrationClients';
import { useRevokeIntegrationClient } from '../api/useRevokeIntegrationClient';

export function RevokeIntegrationClientDialog({ client, onClose }: { client: IntegrationClient; onClose: () => void }) {
  const revoke = useRevokeIntegrationClient();
  const toast = useToast();
  return (
    <ConfirmDialog
      title={`Revoke ${client.name}?`}
      confirmLabel="Revoke"
      pending={revoke.isPending}
      error={revoke.error}
      onCancel={onClose}
      onConfirm={() => {
        revoke.mutate(client.id, {
          onSuccess: () => {
            toast.show(`${client.name} is revoked.`);
            onClose();
          },
        });
      }}
    >
      <p>
        It can get no new token, and the tokens it holds stop working at once. This cannot be undone: to reconnect,
        create a new client.
      </p>
    </ConfirmDialog>
  );
}
