import type { QueryKey } from '@tanstack/react-query';
import type { MetricRecordPage } from '../api/useActivityMetrics';

/** The drill-down a section has open: its dialog title, cache key and page fetcher. */
export interface Explaining {
  title: string;
  queryKey: QueryKey;
  fetchPage: (cursor: string | null) => Promise<MetricRecordPage>;
}
