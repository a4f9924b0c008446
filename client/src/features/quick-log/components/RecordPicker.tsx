import { useEffect, useId, useState, type Ref } from 'react';
import { Button, FormField } from '../../../components/ui';
import { useRecordSearch } from '../api/useRecordSearch';
import type { LinkedRecord, RecordType } from '../api/types';

const RECORD_LABELS: Record<RecordType, string> = {
  lead: 'Lead',
  contact: 'Contact',
  account: 'Account',
  opportunity: 'Opportunity',
};

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setDebounced(value);
    }, ms);
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, ms]);
  return debounced;
}

interface Props {
  value: LinkedRecord | null;
  onChange: (record: LinkedRecord | null) => void;
  types: readonly RecordType[];
  errors: readonly string[];
  /** The search box, so the dialog can start there when no record is chosen yet. */
  inputRef?: Ref<HTMLInputElement>;
}

/** Finds the record to log against by type-ahead: pick a kind of record, type part of its name, choose. */
export function RecordPicker({ value, onChange, types, errors, inputRef }: Props) {
  const [type, setType] = useState<RecordType>(value?.type ?? types[0] ?? 'opportunity');
  const [text, setText] = useState('');
  const q = useDebounced(text, 200);
  const search = useRecordSearch(type, q);
  const resultsId = useId();
  const typeId = useId();

  if (value) {
    return (
      <div className="field">
        <span className="field__label">Logged against</span>
        <p className="record-picker__chosen" data-testid="linked-record">
          <span>
            {RECORD_LABELS[value.type]}: <strong>{value.label}</strong>
          </span>
          <Button
            variant="link"
            onClick={() => {
              onChange(null);
            }}
          >
            Change<span className="visually-hidden"> record</span>
          </Button>
        </p>
        {errors.length > 0 && (
          <ul className="field__errors">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const showResults = type === 'opportunity' || q.trim() !== '';
  return (
    <div className="record-picker">
      <div className="field">
        <label className="field__label" htmlFor={typeId}>
          Record type
        </label>
        <select
          id={typeId}
          className="field__input"
          value={type}
          onChange={(event) => {
            setType(event.target.value as RecordType);
          }}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {RECORD_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <FormField label={`Find ${RECORD_LABELS[type].toLowerCase()}`} name="record" errors={errors} hint="Type part of the name">
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            className="field__input"
            type="search"
            autoComplete="off"
            value={text}
            aria-controls={resultsId}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
        )}
      </FormField>
      <div id={resultsId} aria-live="polite">
        {showResults &&
          (search.isFetching && search.results.length === 0 ? (
            <p className="muted">Searching…</p>
          ) : search.results.length === 0 ? (
            <p className="muted">No matching {RECORD_LABELS[type].toLowerCase()}s.</p>
          ) : (
            <ul className="record-picker__results" aria-label="Matching records">
              {search.results.map((record) => (
                <li key={record.id}>
                  <button
                    type="button"
                    className="record-picker__result"
                    onClick={() => {
                      onChange(record);
                    }}
                  >
                    {record.label}
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}
