import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { versionTag } from '../../opportunities/api/versionTag';
import { pipelineKeys, type Pipeline, type Stage } from './usePipelines';

/** Every write here changes what the board and the pickers show, so all pipeline queries are refetched. */
function useInvalidatePipelines() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: pipelineKeys.all });
}

export function useCreatePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: (body: Schema<'CreatePipelineRequest'>) => unwrap(api.POST('/api/v1/pipelines', { body })),
    onSuccess: invalidate,
  });
}

export function useRenamePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ pipeline, name }: { pipeline: Pipeline; name: string }) =>
      unwrap(
        api.PUT('/api/v1/pipelines/{id}', {
          params: { path: { id: pipeline.id }, header: ifMatch(versionTag(pipeline.version)) },
          body: { name },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useSetDefaultPipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: (pipeline: Pipeline) =>
      unwrap(api.POST('/api/v1/pipelines/{id}/default', { params: { path: { id: pipeline.id } } })),
    onSuccess: invalidate,
  });
}

export function useAddStage() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ pipelineId, body }: { pipelineId: string; body: Schema<'AddStageRequest'> }) =>
      unwrap(api.POST('/api/v1/pipelines/{id}/stages', { params: { path: { id: pipelineId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateStage() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ stage, body }: { stage: Stage; body: Schema<'UpdateStageRequest'> }) =>
      unwrap(
        api.PUT('/api/v1/pipelines/{id}/stages/{stageId}', {
          params: { path: { id: stage.pipelineId, stageId: stage.id }, header: ifMatch(versionTag(stage.version)) },
          body,
        }),
      ),
    onSettled: invalidate,
  });
}

/** Sends the whole new order, guarded by the pipeline's version (it rises with every stage change). */
export function useReorderStages() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ pipeline, stageIds }: { pipeline: Pipeline; stageIds: string[] }) =>
      unwrap(
        api.PUT('/api/v1/pipelines/{id}/stage-order', {
          params: { path: { id: pipeline.id }, header: ifMatch(versionTag(pipeline.version)) },
          body: { stageIds },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useArchiveStage() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: (stage: Stage) =>
      unwrap(
        api.POST('/api/v1/pipelines/{id}/stages/{stageId}/archive', {
          params: { path: { id: stage.pipelineId, stageId: stage.id } },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** All stages, archived ones included, in position order (the order `reorderStages` takes). */
export function stagesInOrder(pipeline: Pipeline): Stage[] {
  return [...pipeline.stages].sort((a, b) => a.position - b.position);
}

/** The stage ids with the stage at `index` swapped with its neighbour `by` places away (−1 up, +1 down). */
export function moveStage(stages: readonly Stage[], index: number, by: -1 | 1): string[] {
  const ids = stages.map((s) => s.id);
  const target = index + by;
  if (target < 0 || target >= ids.length) return ids;
  [ids[index], ids[target]] = [ids[target] ?? '', ids[index] ?? ''];
  return ids;
}
