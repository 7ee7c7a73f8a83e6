/**
 * A small typed client for /api/v1. Errors come back as RFC 9457 problems; this module turns every
 * failure (problem, other HTTP error, network error) into one ApiError so pages handle them alike.
 */

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  invalidParams?: InvalidParam[];
}

export interface Page<T> {
  data: T[];
  page: { number: number; size: number; totalElements: number; totalPages: number };
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get invalidParams(): InvalidParam[] {
    return this.problem.invalidParams ?? [];
  }
}

const base = '/api/v1';
let unauthorizedHandler: (() => void) | null = null;

/** The session context registers itself here so an expired session anywhere sends the user to sign in. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** For requests made without api(), such as the upload (XMLHttpRequest, for its progress): the session has ended. */
export function reportUnauthorized(): void {
  unauthorizedHandler?.();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API with the session cookie; resolves with the JSON body or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(base + path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Geen verbinding',
      status: 0,
      code: 'network',
      detail: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    });
  }
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && path !== '/sessions' && path !== '/users/me') unauthorizedHandler?.();
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        code: body.code ?? String(response.status),
        ...(body.detail ? { detail: body.detail } : {}),
        ...(body.invalidParams ? { invalidParams: body.invalidParams } : {}),
      };
    } catch {
      // fall through to the generic problem below
    }
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Fout',
    status: response.status,
    code: String(response.status),
  };
}

/** Builds a query string from the defined, non-empty values. */
export function toQuery(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Reads every page of a list; for select boxes that must offer all providers, not only the first 100. */
export async function fetchAll<T>(
  path: string,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= 1000; page++) {
    const result = await api<Page<T> | { data: T[]; page?: undefined }>(
      `${path}${toQuery({ ...params, page, pageSize: 100 })}`,
      signal ? { signal } : {},
    );
    items.push(...result.data);
    if (!result.page || page >= result.page.totalPages) break;
  }
  return items;
}

/** The total of a paged list, read with the smallest possible page. */
export async function countOf(
  path: string,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<number> {
  const result = await api<Page<unknown>>(
    `${path}${toQuery({ ...params, page: 1, pageSize: 1 })}`,
    signal ? { signal } : {},
  );
  return result.page.totalElements;
}
