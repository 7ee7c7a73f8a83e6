import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, onUnauthorized } from './api-client';
import type { Role, User } from './types';

type Session = { status: 'loading' } | { status: 'anonymous'; problem?: string } | { status: 'signed-in'; user: User };

interface AuthContextValue {
  session: Session;
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Holds who is signed in; the HttpOnly cookie itself is invisible to scripts, so /users/me is the source. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api<User>('/users/me', { signal: controller.signal })
      .then((user) => setSession({ status: 'signed-in', user }))
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
    const result = await api<{ user: User }>('/sessions', { method: 'POST', body: { email, password } });
    setSession({ status: 'signed-in', user: result.user });
    return result.user;
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
export function useUser(): User {
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

const editors: Role[] = ['beheerder', 'contractmanager'];

/** What each role may do in the UI; the server checks again, this only hides what would be refused. */
export const can = {
  editMasterData: (user: User) => editors.includes(user.role),
  seeBudgets: (user: User) => (['beheerder', 'contractmanager', 'beleid'] as Role[]).includes(user.role),
  /** The region's frame (municipalities, lots, budget lines, tiers) is for the backoffice and policy. */
  seeRegion: (user: User) => (['beheerder', 'contractmanager', 'beleid'] as Role[]).includes(user.role),
  /** Combinations of providers: everyone but an aanbieder. */
  seeCombinations: (user: User) => user.role !== 'aanbieder',
  administer: (user: User) => user.role === 'beheerder',
  /** The iJw import history and quarantine: backoffice and policy; importing and downloads are for editors. */
  seeImports: (user: User) => (['beheerder', 'contractmanager', 'beleid'] as Role[]).includes(user.role),
  importFiles: (user: User) => editors.includes(user.role),
  /** Care trajectories (clients as pseudonyms only); an aanbieder sees its own. */
  seeTrajectories: (user: User) => (['beheerder', 'contractmanager', 'aanbieder'] as Role[]).includes(user.role),
  editProvider: (user: User, providerId: string) =>
    editors.includes(user.role) || (user.role === 'aanbieder' && user.providerId === providerId),
  /** An aanbieder keeps only these fields of its own record current; the rest is the region's. */
  selfServiceOnly: (user: User) => user.role === 'aanbieder',
};
