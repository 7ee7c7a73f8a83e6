/**
 * The region a keeper of several regions works in. The choice is kept per user in the browser's local storage and
 * mirrored in the `zl_regio` cookie, which the server reads on every request of the session (lists, figures, budgets,
 * but also download links and uploads that do not go through api()). Accounts tied to one region have no choice.
 */
import type { CurrentUser } from './types';

const cookieName = 'zl_regio';
const storageKey = (userId: string) => `zl.regio.${userId}`;

function readCookie(): string | null {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${cookieName}=`));
  return entry ? decodeURIComponent(entry.slice(cookieName.length + 1)) : null;
}

function writeCookie(regionId: string | null): void {
  document.cookie = regionId
    ? `${cookieName}=${encodeURIComponent(regionId)}; path=/; max-age=31536000; samesite=lax`
    : `${cookieName}=; path=/; max-age=0; samesite=lax`;
}

function stored(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

/**
 * Before any page loads its data: this user's own choice (or the first region by name), so another keeper's choice on
 * the same browser does not carry over. Returns whether the cookie changed.
 */
export function syncRegionChoice(user: CurrentUser): boolean {
  const choices = user.regions.map((r) => r.id);
  const own = stored(user.id);
  const wanted = choices.length > 1 ? (own && choices.includes(own) ? own : choices[0]!) : null;
  if (readCookie() === wanted) return false;
  writeCookie(wanted);
  return true;
}

/** Remembers the keeper's new region; the caller reloads so every page reads it. */
export function chooseRegion(user: CurrentUser, regionId: string): void {
  try {
    localStorage.setItem(storageKey(user.id), regionId);
  } catch {
    // Without local storage the cookie still carries the choice for this browser.
  }
  writeCookie(regionId);
}

/** The region this browser works in now (the cookie), or null when there is no choice. */
export function currentRegionChoice(): string | null {
  return readCookie();
}
