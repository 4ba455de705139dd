/** The session as the browser sees it: the `me` query, login, logout, and the guard around signed-in pages. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Flex, Spin } from 'antd';
import { createContext, use, useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '../../domain/platform/contracts.ts';
import { type Access, accessOf } from './access.ts';
import { ApiError, http, setCsrfToken } from './http.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** null when nobody is signed in (the server answers 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await http<Me>('/api/auth/me', { expectUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export const useMe = () => useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

// Handed down by <RequireAuth>: a page reads the user its guard checked, and is never rendered with a `me` that
// has just turned null (after logout or an expired session) — the guard redirects first.
const MeContext = createContext<Me | null>(null);

/** The signed-in user, for components rendered inside <RequireAuth>. */
export function useCurrentMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useCurrentMe used outside <RequireAuth>');
  return me;
}

export function useAccess(): Access {
  const me = useCurrentMe();
  return useMemo(() => accessOf(me), [me]);
}

export type LoginInput = { username: string; password: string; otp?: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => http<Me>('/api/auth/login', { method: 'POST', body: input, expectUnauthenticated: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Nothing cached for a previous user may leak into this session. (Queries only: clear() would also drop
      // this very mutation and leave its observer pending.)
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => http<void>('/api/auth/logout', { method: 'POST', expectUnauthenticated: true }).catch(() => undefined),
    // A full page load, not a client-side navigation: nothing of the previous user's session (cache, form state,
    // the CSRF token) survives in memory, and no signed-in page renders after `me` is gone.
    onSettled: () => window.location.replace('/login'),
  });
}

export const FullPageSpin = () => (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

/** Signed-in pages: send strangers to /login, anyone still on an initial password to /change-password, and an admin who owes a TOTP enrolment to /account/security. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) throw error;
  if (!me) return <Navigate to={`/login?from=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.user.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  if (!me.user.mustChangePassword && me.user.mustEnrolTotp && location.pathname !== '/account/security') return <Navigate to="/account/security" replace />;
  return (
    <MeContext value={me}>
      <Outlet />
    </MeContext>
  );
}
