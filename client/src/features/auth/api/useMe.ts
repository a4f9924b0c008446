import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ResponseBody } from '../../../api/types';
import { authKeys } from './authKeys';

export type Me = ResponseBody<'/api/v1/me', 'get'>;
export type Role = Me['role'];

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  });
}
