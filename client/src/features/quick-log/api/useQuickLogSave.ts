import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { activityKeys } from '../../activities/api/activityKeys';
import { followUpKeys } from '../../follow-ups/api/followUpKeys';
import { opportunityKeys } from '../../opportunities/api/opportunityKeys';

export type QuickLogSubmission =
  | { kind: 'call'; body: Schema<'LogCallRequest'> }
  | { kind: 'email'; body: Schema<'LogEmailRequest'> }
  | { kind: 'meeting'; body: Schema<'LogMeetingRequest'> }
  | { kind: 'note'; body: Schema<'LogNoteRequest'> }
  | { kind: 'followUp'; body: Schema<'CreateFollowUpRequest'> };

/** Sends one quick-log submission with its `Idempotency-Key`, so a retry of it never records twice. */
export function useQuickLogSave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ submission, idempotencyKey }: { submission: QuickLogSubmission; idempotencyKey: string }) => {
      const params = { header: { 'Idempotency-Key': idempotencyKey } };
      switch (submission.kind) {
        case 'call':
          return unwrap(api.POST('/api/v1/activities/calls', { params, body: submission.body }));
        case 'email':
          return unwrap(api.POST('/api/v1/activities/emails', { params, body: submission.body }));
        case 'meeting':
          return unwrap(api.POST('/api/v1/activities/meetings', { params, body: submission.body }));
        case 'note':
          return unwrap(api.POST('/api/v1/activities/notes', { params, body: submission.body }));
        case 'followUp':
          return unwrap(api.POST('/api/v1/follow-ups', { params, body: submission.body }));
      }
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: activityKeys.all }),
        queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
        queryClient.invalidateQueries({ queryKey: opportunityKeys.all }),
      ]);
    },
  });
}

/**
 * One key per submission: sending the same body again (a retry, a double click) reuses the key, so the
 * API replays the first answer; a changed body is a new submission and gets a new key.
 */
export class SubmissionKeys {
  private body: string | null = null;
  private key = '';

  keyFor(body: unknown): string {
    const serialised = JSON.stringify(body);
    if (serialised !== this.body) {
      this.body = serialised;
      this.key = crypto.randomUUID();
    }
    return this.key;
  }

  reset(): void {
    this.body = null;
  }
}
