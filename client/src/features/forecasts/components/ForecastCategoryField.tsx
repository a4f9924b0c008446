import { useId, useState } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, FormAlert } from '../../../components/ui';
import { useSetForecastCategory, type ForecastCategory } from '../api/useForecasts';
import { CATEGORY_LABELS, CATEGORY_OPTIONS } from './categoryLabels';

interface Props {
  opportunityId: string;
  /** The category the deal has as read. */
  current: ForecastCategory;
  /** The opportunity's ETag as read; the write is refused (412) when someone changed the deal since. */
  etag: string | null;
  onReload: () => void;
}

/** The deal's forecast category (commit, best case, pipeline, omitted): the one it has, and a form to change it. */
export function ForecastCategoryField({ opportunityId, current, etag, onReload }: Props) {
  const set = useSetForecastCategory();
  const [choice, setChoice] = useState<ForecastCategory | ''>('');
  const [saved, setSaved] = useState<ForecastCategory | null>(null);
  const selectId = useId();
  const problem = set.error ? toApiProblem(set.error) : null;

  return (
    <section className="panel" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`}>Forecast category</h2>
      <p data-testid="forecast-category" role="status">
        {saved ? `Saved as ${CATEGORY_LABELS[saved]}.` : `Currently ${CATEGORY_LABELS[current]}.`}
      </p>
      <FormAlert
        problem={problem}
        fields={['category']}
        onReload={() => {
          set.reset();
          onReload();
        }}
      />
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (!choice) return;
          set.mutate(
            { opportunityId, etag, category: choice },
            {
              onSuccess: ({ data }) => {
                setSaved(data.category);
              },
            },
          );
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            Category
          </label>
          <select
            id={selectId}
            className="field__input"
            value={choice}
            onChange={(event) => {
              setChoice(CATEGORY_OPTIONS.find((o) => o.value === event.target.value)?.value ?? '');
            }}
          >
            <option value="">Choose a category…</option>
            {CATEGORY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={!choice || set.isPending}>
          {set.isPending ? 'Saving…' : 'Set category'}
        </Button>
      </form>
    </section>
  );
}
