import type { ForecastCategory } from '../api/useForecasts';

export const CATEGORY_LABELS: Record<ForecastCategory, string> = {
  commit: 'Commit',
  best_case: 'Best case',
  pipeline: 'Pipeline',
  omitted: 'Omitted',
};

export const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABELS) as ForecastCategory[]).map((value) => ({ value, label: CATEGORY_LABELS[value] }));
