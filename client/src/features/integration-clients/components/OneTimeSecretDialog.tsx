import { useId, useRef, useState } from 'react';
import { Button, Dialog, FormField } from '../../../components/ui';
import type { IntegrationClientCreated } from '../api/useCreateIntegrationClient';

/**
 * Shows a new client's credentials once. The secret lives only in this dialog's props: it is not
 * cached, and closing the dialog drops it.
 */
export function OneTimeSecretDialog({ created, onClose }: { created: IntegrationClientCreated; onClose: () => void }) {
  const warningId = useId();
  const [status, setStatus] = useState('');

  return (
    <Dialog title={`Client “${created.name}” created`} onClose={onClose} alert describedBy={warningId}>
      <div id={warningId} className="alert alert--warning">
        <p className="alert__title">Copy the client secret now: you will not see it again.</p>
        <p>SalesCrm keeps only a hash of it. If it is lost, revoke this client and create a new one.</p>
      </div>
      <CopyField label="Client ID" name="clientId" value={created.clientId} onStatus={setStatus} />
      <CopyField label="Client secret" name="clientSecret" value={created.clientSecret} onStatus={setStatus} />
      <p role="status" className="muted">
        {status}
      </p>
      <div className="dialog__actions">
        <Button onClick={onClose}>
          Done, I have stored the secret
        </Button>
      </div>
    </Dialog>
  );
}

interface CopyFieldProps {
  label: string;
  name: string;
  value: string;
  onStatus: (status: string) => void;
}

function CopyField({ label, name, value, onStatus }: CopyFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      onStatus(`${label} copied to the clipboard.`);
    } catch {
      inputRef.current?.select();
      onStatus(`Could not copy. The ${label.toLowerCase()} is selected: copy it with Ctrl+C or ⌘C.`);
    }
  }

  return (
    <FormField label={label} name={name}>
      {(control) => (
        <div className="copy-field__row">
          <input
            ref={inputRef}
            className="field__input mono"
            readOnly
            value={value}
            spellCheck={false}
            onFocus={(event) => {
              event.currentTarget.select();
            }}
            {...control}
          />
          <Button variant="secondary" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
            Copy
          </Button>
        </div>
      )}
    </FormField>
  );
}
