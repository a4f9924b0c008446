import type { ForecastQuery, ForecastSubject } from './useForecasts';

export const forecastKeys = {
  all: ['forecasts'] as const,
  report: (query: ForecastQuery) => [...forecastKeys.all, 'report', query] as const,
  explain: (method: string, query: ForecastQuery) => [...forecastKeys.all, 'explain', method, query] as const,
  accuracy: (period: string, subject: ForecastSubject) => [...forecastKeys.all, 'accuracy', period, subject] as const,
};
