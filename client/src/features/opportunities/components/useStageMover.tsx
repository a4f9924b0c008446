import { useState } from 'react';
import { toApiProblem } from '../../../api/problem';
import { useToast } from '../../../components/ui';
import type { Stage } from '../../pipelines/api/usePipelines';
import { useMoveStage, type Opportunity } from '../api/useOpportunities';
import { LostReasonDialog } from './LostReasonDialog';

/**
 * Moves deals between stages: straight away for open and won stages, after asking for the reason for
 * a lost one. A stale version (412) reloads what is shown and says so.
 */
export function useStageMover() {
  const move = useMoveStage();
  const toast = useToast();
  const [losing, setLosing] = useState<{ opportunity: Opportunity; stage: Stage } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  function send(opportunity: Opportunity, stage: Stage, lostReasonId?: string) {
    setConflict(null);
    move.mutate(
      { opportunity, toStageId: stage.id, lostReasonId: lostReasonId ?? null },
      {
        onSuccess: () => {
          setLosing(null);
          toast.show(`“${opportunity.name}” moved to ${stage.name}.`);
        },
        onError: (error) => {
          const problem = toApiProblem(error);
          if (problem.status === 412) {
            setLosing(null);
            setConflict(`Someone else changed “${opportunity.name}” first, so it was not moved. The latest version is shown; try again.`);
          } else if (!lostReasonId) {
            toast.show(`Could not move “${opportunity.name}”: ${problem.detail ?? problem.title}`, 'error');
          }
        },
      },
    );
  }

  function moveTo(opportunity: Opportunity, stage: Stage) {
    if (stage.id === opportunity.stageId) return;
    if (stage.kind === 'lost') {
      move.reset();
      setLosing({ opportunity, stage });
    } else {
      send(opportunity, stage);
    }
  }

  const dialog = losing ? (
    <LostReasonDialog
      dealName={losing.opportunity.name}
      pending={move.isPending}
      error={move.error}
      onConfirm={(reasonId) => {
        send(losing.opportunity, losing.stage, reasonId);
      }}
      onCancel={() => {
        setLosing(null);
      }}
    />
  ) : null;

  return { moveTo, dialog, conflict, pending: move.isPending, dismissConflict: () => { setConflict(null); } };
}
