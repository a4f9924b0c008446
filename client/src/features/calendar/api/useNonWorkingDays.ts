import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { plannerKeys } from '../../planner/api/plannerKeys';
import { calendarKeys } from './calendarKeys';

export type NonWorkingDay = Schema<'NonWorkingDayDto'>;

/** The organisation's non-working days, all of them, in date order. */
export function useNonWorkingDays() {
  return useQuery({
    queryKey: calendarKeys.nonWorkingDays(),
    queryFn: () => unwrap(api.GET('/api/v1/calendar/non-working-days')),
  });
}

export function useAddNonWorkingDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'AddNonWorkingDayRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/calendar/non-working-days', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
        queryClient.invalidateQueries({ queryKey: plannerKeys.all }),
      ]),
  });
}

export function useRemoveNonWorkingDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => unwrap(api.DELETE('/api/v1/calendar/non-working-days/{date}', { params: { path: { date } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
        queryClient.invalidateQueries({ queryKey: plannerKeys.all }),
      ]),
  });
}
