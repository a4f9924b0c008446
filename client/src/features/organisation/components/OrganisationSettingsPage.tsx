import { useMemo, useState, type SubmitEvent } from 'react';
import type { Tagged } from '../../../api/client';
import { toApiProblem } from '../../../api/problem';
import { Alert, FormAlert, QueryView, SelectField, SubmitButton, TextField, usePageTitle, useToast } from '../../../components/ui';
import { useOrganisation, type Organisation } from '../api/useOrganisation';
import { useUpdateOrganisation } from '../api/useUpdateOrganisation';
import { currencyCodes, timeZoneOptions } from '../timeZones';

const FIELDS = ['name', 'timeZone', 'currency'];

export function OrganisationSettingsPage() {
  usePageTitle('Organisation settings');
  const organisation = useOrganisation();
  const [reloaded, setReloaded] = useState(false);

  return (
    <section aria-labelledby="organisation-heading" className="narrow">
      <h1 id="organisation-heading">Organisation settings</h1>
      <QueryView query={organisation} loadingLabel="Loading settings…">
        {(tagged) => (
          <OrganisationForm
            key={tagged.data.version}
            settings={tagged}
            reloading={organisation.isFetching}
            reloaded={reloaded}
            onReload={() => {
              setReloaded(true);
              void organisation.refetch();
            }}
          />
        )}
      </QueryView>
    </section>
  );
}

interface FormProps {
  settings: Tagged<Organisation>;
  reloading: boolean;
  reloaded: boolean;
  onReload: () => void;
}

function OrganisationForm({ settings, reloading, reloaded, onReload }: FormProps) {
  const update = useUpdateOrganisation();
  const toast = useToast();
  const problem = update.error ? toApiProblem(update.error) : null;
  const zones = useMemo(
    () => timeZoneOptions(settings.data.timeZone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
    [settings.data.timeZone],
  );
  const currencies = useMemo(() => currencyCodes(), []);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    update.mutate(
      {
        etag: settings.etag,
        body: { name: text('name'), timeZone: text('timeZone'), currency: text('currency').trim().toUpperCase() },
      },
      {
        onSuccess: () => {
          toast.show('Organisation settings saved.');
        },
      },
    );
  }

  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-busy={update.isPending}>
      {reloaded && !problem && <Alert tone="info">These are the latest settings. Make your changes again.</Alert>}
      <FormAlert
        problem={problem}
        fields={FIELDS}
        onReload={() => {
          update.reset();
          onReload();
        }}
      />
      <TextField label="Name" name="name" defaultValue={settings.data.name} maxLength={200} required problem={problem} />
      <SelectField
        label="Time zone"
        name="timeZone"
        hint="Days, weeks and quota periods in every metric are cut in this time zone."
        options={zones}
        defaultValue={settings.data.timeZone}
        problem={problem}
      />
      <TextField
        label="Currency"
        name="currency"
        hint="ISO 4217 code, e.g. EUR, USD or PLN. Every amount is in this currency."
        defaultValue={settings.data.currency}
        maxLength={3}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        list="currency-codes"
        className="field__input--short"
        required
        problem={problem}
      />
      <datalist id="currency-codes">
        {currencies.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <div className="form__actions">
        <SubmitButton label="Save settings" pendingLabel="Saving…" pending={update.isPending} disabled={reloading} />
      </div>
    </form>
  );
}
