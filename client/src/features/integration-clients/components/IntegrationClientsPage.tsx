import { useState } from 'react';
import { Button, Page, PagedTable, RowAction, type Column } from '../../../components/ui';
import type { IntegrationClientCreated } from '../api/useCreateIntegrationClient';
import { useIntegrationClients, type IntegrationClient } from '../api/useIntegrationClients';
import { CreateIntegrationClientDialog } from './CreateIntegrationClientDialog';
import { OneTimeSecretDialog } from './OneTimeSecretDialog';
import { RevokeIntegrationClientDialog } from './RevokeIntegrationClientDialog';

type Dialog =
  | { kind: 'create' }
  | { kind: 'secret'; created: IntegrationClientCreated }
  | { kind: 'revoke'; client: IntegrationClient };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function IntegrationClientsPage() {
  const clients = useIntegrationClients();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
  };

  const columns: Column<IntegrationClient>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (c) => c.name, csv: (c) => c.name },
    { id: 'clientId', header: 'Client ID', cell: (c) => <span className="mono">{c.clientId}</span>, csv: (c) => c.clientId },
    {
      id: 'scopes',
      header: 'Scopes',
      cell: (c) => (
        <ul className="scope-list" aria-label={`Scopes of ${c.name}`}>
          {c.scopes.map((scope) => (
            <li key={scope} className="badge mono">
              {scope}
            </li>
          ))}
        </ul>
      ),
      csv: (c) => c.scopes.join(' '),
    },
    { id: 'created', header: 'Created', cell: (c) => dateFormat.format(new Date(c.createdAt)), csv: (c) => c.createdAt },
    {
      id: 'status',
      header: 'Status',
      cell: (c) =>
        c.revokedAt ? (
          <span className="badge badge--inactive">Revoked {dateFormat.format(new Date(c.revokedAt))}</span>
        ) : (
          <span className="badge badge--active">Active</span>
        ),
      csv: (c) => (c.revokedAt ? `Revoked ${c.revokedAt}` : 'Active'),
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (c) =>
        c.revokedAt ? null : (
          <RowAction
            label={`Revoke ${c.name}`}
            onClick={() => {
              setDialog({ kind: 'revoke', client: c });
            }}
          >
            Revoke
          </RowAction>
        ),
    },
  ];

  return (
    <Page
      title="Integration clients"
      actions={
        <Button
          onClick={() => {
            setDialog({ kind: 'create' });
          }}
        >
          New integration client
        </Button>
      }
    >
      <p className="muted">
        Dialers, email sync, marketing automation and BI tools sign in with a client ID and secret, and may do only
        what their scopes allow.
      </p>
      <PagedTable
        query={clients}
        loadingLabel="Loading integration clients…"
        caption="Integration clients"
        columns={columns}
        rowKey={(c) => c.id}
        exportName="integration-clients"
        empty="No integration clients yet."
      />
      {dialog?.kind === 'create' && (
        <CreateIntegrationClientDialog
          onClose={close}
          onCreated={(created) => {
            setDialog({ kind: 'secret', created });
          }}
        />
      )}
      {dialog?.kind === 'secret' && <OneTimeSecretDialog created={dialog.created} onClose={close} />}
      {dialog?.kind === 'revoke' && <RevokeIntegrationClientDialog client={dialog.client} onClose={close} />}
    </Page>
  );
}
