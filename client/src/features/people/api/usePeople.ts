import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapTagged, type Tagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { peopleKeys } from './peopleKeys';

export type ReadinessReport = Schema<'ReadinessReport'>;
export type RepReadiness = Schema<'RepReadiness'>;
export type ExpiringCertification = Schema<'ExpiringCertification'>;
export type RampReport = Schema<'RampReport'>;
export type RampRow = Schema<'RampRow'>;
export type RampCohortRow = Schema<'RampCohortRow'>;
export type QuadrantReport = Schema<'QuadrantReport'>;
export type QuadrantRow = Schema<'QuadrantRow'>;
export type RepQuadrant = Schema<'RepQuadrant'>;
export type SurveyResults = Schema<'SurveyResults'>;
export type CommissionPeriod = Schema<'CommissionPeriod'>;
export type CommissionStatement = Schema<'CommissionStatement'>;
export type RepEarnings = Schema<'RepEarnings'>;
export type Certification = Schema<'CertificationDto'>;
export type CommissionPlan = Schema<'CommissionPlanDto'>;

/** `teamId` '' means the default scope: the whole organisation for admins, the manager's own team for managers. */
const team = (teamId: string) => (teamId ? { teamId } : {});

export function useReadiness(teamId: string) {
  return useQuery({
    queryKey: peopleKeys.readiness(teamId),
    queryFn: () => unwrap(api.GET('/api/v1/readiness', { params: { query: team(teamId) } })),
  });
}

export function useExpiring(teamId: string) {
  return useQuery({
    queryKey: peopleKeys.expiring(teamId),
    queryFn: () => unwrap(api.GET('/api/v1/readiness/expiring', { params: { query: { within: 30, ...team(teamId) } } })),
  });
}

export function useRamp(teamId: string, cohort: Schema<'RampCohort'>) {
  return useQuery({
    queryKey: peopleKeys.ramp(teamId, cohort),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/people/ramp', { params: { query: { cohort, ...team(teamId) } } })),
  });
}

export function useQuadrant(teamId: string, quarter: string) {
  return useQuery({
    queryKey: peopleKeys.quadrant(teamId, quarter),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/people/quadrant', { params: { query: { quarter, ...team(teamId) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSurveyTrend(teamId: string) {
  return useQuery({
    queryKey: peopleKeys.surveyTrend(teamId),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/results', { params: { query: teamId ? { team: teamId } : {} } })),
  });
}

export function useEarnings(teamId: string, period: CommissionPeriod, start: string) {
  return useQuery({
    queryKey: peopleKeys.earnings(teamId, period, start),
    queryFn: () =>
      unwrap(api.GET('/api/v1/commission/earnings', { params: { query: { period, start, ...(teamId ? { team: teamId } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useStatement(userId: string, period: CommissionPeriod, start: string) {
  return useQuery({
    queryKey: peopleKeys.statement(userId, period, start),
    queryFn: () =>
      unwrap(api.GET('/api/v1/commission/statements/{userId}', { params: { path: { userId }, query: { period, start } } })),
    enabled: userId !== '',
  });
}

export function useRecordAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body, idempotencyKey }: { userId: string; body: Schema<'RecordAssessmentRequest'>; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/users/{id}/assessments', {
          params: { path: { id: userId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

export function useCertifications(includeArchived = false) {
  return useQuery({
    queryKey: [...peopleKeys.certifications(), includeArchived],
    queryFn: () =>
      unwrap(api.GET('/api/v1/certifications', { params: { query: includeArchived ? { includeArchived: true } : {} } })),
  });
}

export function useCertification(id: string) {
  return useQuery({
    queryKey: peopleKeys.certification(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/certifications/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useCreateCertification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'CreateCertificationRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/certifications', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useUpdateCertification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: Tagged<Certification>; body: Schema<'UpdateCertificationRequest'> }) =>
      unwrap(
        api.PUT('/api/v1/certifications/{id}', { params: { path: { id: current.data.id }, header: ifMatch(current.etag) }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useArchiveCertification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/certifications/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useDeleteCertification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/certifications/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function usePlans() {
  return useQuery({
    queryKey: peopleKeys.plans(),
    queryFn: () => unwrap(api.GET('/api/v1/commission/plans')),
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'CreatePlanRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/commission/plans', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useAssignPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'AssignPlanRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/commission/assignments', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useAssignments(userId: string) {
  return useQuery({
    queryKey: peopleKeys.assignments(userId),
    queryFn: () => unwrap(api.GET('/api/v1/commission/assignments', { params: { query: { userId } } })),
    enabled: userId !== '',
  });
}
