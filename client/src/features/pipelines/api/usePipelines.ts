import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';

export type Pipeline = Schema<'PipelineDto'>;
export type Stage = Schema<'StageDto'>;
export type LostReason = Schema<'LostReasonDto'>;

export const pipelineKeys = {
  all: ['pipelines'] as const,
  list: () => [...pipelineKeys.all, 'list'] as const,
  lostReasons: () => [...pipelineKeys.all, 'lost-reasons'] as const,
};

/** Every pipeline with its stages; an organisation has few. */
export function usePipelines() {
  return useQuery({
    queryKey: pipelineKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/pipelines', { params: { query: { limit: 200 } } }))).items,
    staleTime: 5 * 60_000,
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: pipelineKeys.lostReasons(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/lost-reasons', { params: { query: { limit: 200 } } }))).items,
    staleTime: 5 * 60_000,
  });
}

/** A pipeline's live stages in board order. */
export function boardStages(pipeline: Pipeline): Stage[] {
  return pipeline.stages.filter((stage) => stage.archivedAt === null).sort((a, b) => a.position - b.position);
}
