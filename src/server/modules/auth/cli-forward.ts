import type { DataDirLockedError } from '../../db/data-dir-lock.js';
import type { Role } from '../../../shared/domain.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string | undefined;
  providerAgbCode: string | undefined;
}

/**
 * Adds the user through the running server that holds the data directory, with the token it left beside its lock,
 * so the account works there at once. Refuses as any other command when the holder is not a server that announced
 * itself (another CLI command, or a server still starting).
 */
export async function addUserThroughServer(locked: DataDirLockedError, user: NewUser): Promise<string> {
  const { url, cliToken } = locked.owner ?? {};
  if (!url || !cliToken) throw locked;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${cliToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }).catch((err: unknown) => {
      throw new Error(
        `De server die ${locked.dataDir} gebruikt (pid ${locked.owner!.pid}) is niet bereikbaar op ${url}: ${String(err)}; er is niets gewijzigd.\n` +
          `The server using ${locked.dataDir} (pid ${locked.owner!.pid}) cannot be reached at ${url}; nothing was changed.`,
      );
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(problemText(answer, url));
    return answer;
  };
  let providerId: string | undefined;
  if (user.providerAgbCode) {
    const page = await call('GET', `/providers?q=${encodeURIComponent(user.providerAgbCode)}&pageSize=100`);
    const found = (page.data as { id: string; agbCode: string }[]).find((p) => p.agbCode === user.providerAgbCode);
    if (!found) throw new Error(`providerAgbCode: geen aanbieder met AGB-code ${user.providerAgbCode}`);
    providerId = found.id;
  }
  const created = await call('POST', '/users', {
    email: user.email,
    name: user.name,
    role: user.role,
    ...(user.role === 'aanbieder' ? { providerId } : {}),
    ...(user.password === undefined ? {} : { password: user.password }),
  });
  return `Gebruiker ${String(created.email)} (${String(created.role)}) aangemaakt via de draaiende server op ${url} (pid ${locked.owner!.pid}).`;
}

/** The server's problem+json as the local command would have said it: one line per field, else the title. */
function problemText(problem: Record<string, unknown>, url: string): string {
  const fields = (problem.invalidParams ?? []) as { name: string; reason: string }[];
  if (fields.length) return fields.map((p) => `${p.name}: ${p.reason}`).join('\n');
  return `${String(problem.detail ?? problem.title ?? 'onbekende fout')} (server ${url})`;
}
