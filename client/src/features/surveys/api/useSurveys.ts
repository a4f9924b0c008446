import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import type { Schema } from '../../../api/types';
import { surveyKeys } from './surveyKeys';

export type OpenSurvey = Schema<'OpenSurveyDto'>;
export type Survey = Schema<'SurveyDto'>;
export type CreateSurveyRequest = Schema<'CreateSurveyRequest'>;
export type ListedSurvey = Schema<'ListedSurveyDto'>;

/** Surveys open today whose audience holds the caller, each saying whether they answered (never what). */
export function useOpenSurveys() {
  return useQuery({
    queryKey: surveyKeys.open(),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/open')),
    staleTime: 60_000,
  });
}

/**
 * Every survey of one audience, newest first, with its status (admins and managers). `teamId` null asks for the
 * organisation-wide surveys (an admin) or the caller's own team (a manager); another team is a 404 for a manager.
 */
export function useListedSurveys(teamId: string | null, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.list(teamId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys', { params: { query: teamId ? { team: teamId } : {} } })),
    enabled,
  });
}

/**
 * Sends one answer. No `Idempotency-Key`: the API keeps none for answers (a stored replay would tie
 * the person to their score); a retry is a 409, which the form shows as "already answered".
 */
export function useAnswerSurvey(surveyId: string, onAnswered?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (score: number) =>
      unwrap(api.POST('/api/v1/surveys/{id}/responses', { params: { path: { id: surveyId } }, body: { score } })),
    // Told before the list is refetched, so a list that hides answered surveys can keep this one in view.
    onSuccess: () => onAnswered?.(),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) onAnswered?.();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: surveyKeys.open() }),
  });
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateSurveyRequest; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/surveys', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}
