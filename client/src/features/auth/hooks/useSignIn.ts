import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { signInWithPassword, toSession } from '../api/tokens';
import { sessionStore } from '../session/sessionStore';

export interface Credentials {
  email: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: Credentials) => signInWithPassword(api, email, password),
    onSuccess: (tokens) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      sessionStore.set(toSession(tokens));
    },
  });
}
