import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';

/** Changes the signed-in person's password; the API then ends every session they have, this one too. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: Schema<'ChangePasswordRequest'>) => unwrap(api.POST('/api/v1/me/password', { body })),
  });
}
