import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, Role } from '../../../common/enums';
import type { ChangePasswordRequest, LoginRequest, Me } from '../../../common/schemas/auth';
import { ApiError, api, setCsrfToken } from '../../api';
import { applyLocale } from '../../i18n';
import { forgetUserOffline } from '../../offline-copy';
import { dropPreloads } from '../../preloads';
import { keys } from '../../query-keys';

/** The signed-in user, or null when there is no session (GET /me answers 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Also asked at start (`main.tsx`), beside the first chunks rather than after them. */
export const meQuery = { queryKey: keys.me, queryFn: fetchMe, staleTime: 5 * 60_000 };

export function useMe() {
  return useQuery(meQuery);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<Me>('/auth/login', body),
    onSuccess: async (me) => {
      forgetUserOffline();
      setCsrfToken(me.csrfToken);
      await Promise.all([applyLocale(me.user.locale), dropPreloads()]);
      queryClient.setQueryData(keys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      // Whatever the server said, nothing of the previous user may stay on screen.
      setCsrfToken(null);
      forgetUserOffline();
      queryClient.removeQueries();
      queryClient.setQueryData(keys.me, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<{ ok: true }>('/me/password', body),
  });
}

/** Signed in, the choice is saved on the account; on the login page it stays in this browser. */
export function useSwitchLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      const me = queryClient.getQueryData<Me | null>(keys.me);
      if (me) await api.put<{ ok: true }>('/me/locale', { locale });
      await applyLocale(locale);
      return me;
    },
    onSuccess: (me, locale) => {
      if (me) queryClient.setQueryData<Me>(keys.me, { ...me, user: { ...me.user, locale } });
      // Notices, alerts and messages come written in the asker's language: ask again in the new one.
      const meKey = JSON.stringify(keys.me);
      void queryClient.invalidateQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== meKey });
    },
  });
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.roles.some((binding) => roles.includes(binding.role));
}

/** Those who manage organizations and members; everyone else gets the personal page. */
export function isManager(me: Me): boolean {
  return hasRole(me, 'admin', 'supervisor', 'secretary');
}
