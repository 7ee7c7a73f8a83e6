import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, onUnauthorized } from './api-client';
import { can as permits, scopeOf } from '../../shared/permissions';
import { syncRegionChoice } from './region-choice';
import type { CurrentUser, User } from './types';

type Session =
  { status: 'loading' } | { status: 'anonymous'; problem?: string } | { status: 'signed-in'; user: CurrentUser };

interface AuthContextValue {
  session: Session;
  signIn(email: string, password: string): Promise<CurrentUser>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Holds who is signed in; the HttpOnly cookie itself is invisible to scripts, so /users/me is the source. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api<CurrentUser>('/users/me', { signal: controller.signal })
      .then((user) => {
        syncRegionChoice(user);
        setSession({ status: 'signed-in', user });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = error instanceof ApiError && error.status !== 401 ? error.message : undefined;
        setSession(problem ? { status: 'anonymous', problem } : { status: 'anonymous' });
      });
    onUnauthorized(() => setSession({ status: 'anonymous' }));
    return () => {
      controller.abort();
      onUnauthorized(null);
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    await api<{ user: User }>('/sessions', { method: 'POST', body: { email, password } });
    // The session's answer has no regions to switch between; /users/me has them.
    const user = await api<CurrentUser>('/users/me');
    syncRegionChoice(user);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/sessions/current', { method: 'DELETE' });
    } finally {
      setSession({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useUser(): CurrentUser {
  const { session } = useAuth();
  if (session.status !== 'signed-in') throw new Error('useUser without a session');
  return session.user;
}

/** Sends anonymous visitors to /inloggen and remembers where they wanted to go. */
export function RequireAuth({ children, loading }: { children: ReactNode; loading: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (session.status === 'loading') return <>{loading}</>;
  if (session.status === 'anonymous') {
    const back = `${location.pathname}${location.search}`;
    const to = back === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

/** Only local paths are followed after sign-in, so the return address cannot send users elsewhere. */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/**
 * Whether the user may change this provider's record: the backoffice any, an account scoped to its own provider
 * only its own (the table says which; the server checks again).
 */
export function editProvider(user: User, providerId: string): boolean {
  if (scopeOf(user.role, 'providers.edit') === 'ownProvider') return user.providerId === providerId;
  return permits(user, 'providers.edit');
}

/**
 * Whether the user may open this provider's page: an account scoped to its own provider only its own (another's answers
 * 403), so a partner in a combination is named without a link.
 */
export function readProvider(user: User, providerId: string): boolean {
  if (scopeOf(user.role, 'providers.read') === 'ownProvider') return user.providerId === providerId;
  return permits(user, 'providers.read');
}

/** Editing without the right to create providers is the self-service of an aanbieder: only some fields. */
export function selfServiceOnly(user: User): boolean {
  return permits(user, 'providers.edit') && !permits(user, 'providers.create');
}

/**
 * The earlier role helpers, now answered by the permission table, for the navigation and the start page until
 * their rewrite asks `permits(user, permission)` directly.
 */
export const can = {
  editMasterData: (user: User) => permits(user, 'contracts.edit'),
  seeBudgets: (user: User) => permits(user, 'budgets.read'),
  seeRegion: (user: User) => permits(user, 'regions.read'),
  seeCombinations: (user: User) => permits(user, 'combinations.read'),
  administer: (user: User) => permits(user, 'users.manage'),
  seeImports: (user: User) => permits(user, 'imports.read'),
  importFiles: (user: User) => permits(user, 'imports.create'),
  seeTrajectories: (user: User) => permits(user, 'trajectories.read'),
  editProvider,
  selfServiceOnly,
};
