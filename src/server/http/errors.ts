import type { Context } from 'hono';
import type { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

/** Every failure the domain can report; the HTTP layer maps each to one status. */
export enum ErrorCode {
  /** Input does not satisfy the request schema or a field rule. */
  Validation = 'validation',
  /** No valid session or credentials. */
  Unauthenticated = 'unauthenticated',
  /** Signed in, but the role or provider binding does not allow this. */
  Forbidden = 'forbidden',
  /** The resource does not exist (or is not visible at all). */
  NotFound = 'not-found',
  /** The resource existed but is no more to be used: a one-time link that was used, replaced or has expired. */
  Gone = 'gone',
  /** The request clashes with existing data: a duplicate code or an overlapping period. */
  Conflict = 'conflict',
  /** Input is too large to accept. */
  PayloadTooLarge = 'payload-too-large',
  /** The body is not in a format the operation takes (not JSON where JSON is asked). */
  UnsupportedMediaType = 'unsupported-media-type',
  /** Too many attempts (sign-in); the answer's Retry-After says when to try again. */
  TooManyRequests = 'too-many-requests',
  /** The answer is not there yet (the KPI facts are being built); the same request later succeeds. */
  Unavailable = 'unavailable',
  /** An unexpected failure; details go to the log, never to the client. */
  Internal = 'internal',
}

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  [ErrorCode.Validation]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Gone]: 410,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.Internal]: 500,
};

const titleOf: Record<ErrorCode, string> = {
  [ErrorCode.Validation]: 'Ongeldige invoer',
  [ErrorCode.Unauthenticated]: 'Niet ingelogd',
  [ErrorCode.Forbidden]: 'Geen toegang',
  [ErrorCode.NotFound]: 'Niet gevonden',
  [ErrorCode.Conflict]: 'Conflict met bestaande gegevens',
  [ErrorCode.Gone]: 'Niet meer geldig',
  [ErrorCode.PayloadTooLarge]: 'Invoer te groot',
  [ErrorCode.UnsupportedMediaType]: 'Onbekend formaat',
  [ErrorCode.TooManyRequests]: 'Te veel pogingen',
  [ErrorCode.Unavailable]: 'Tijdelijk niet beschikbaar',
  [ErrorCode.Internal]: 'Interne fout',
};

/** A field-level message, as in the NL API Design Rules' problem details (invalidParams). */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class AppError extends Error {
  /** Seconds after which the same request may succeed; sent as Retry-After. */
  retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(message ?? titleOf[code]);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return statusOf[this.code];
  }
}

/**
 * The server is at a bound it keeps for everyone's sake (uploads held at once): the same request succeeds later. The
 * wait is a guess at how long the work ahead of it takes, sent as Retry-After.
 */
export function busy(message: string, retryAfterSeconds = 30): AppError {
  const error = new AppError(ErrorCode.Unavailable, message);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
}

/** Shorthand for the common case of one field breaking one rule. */
export function fieldError(name: string, reason: string, errorCode = ErrorCode.Validation, rule = 'invalid'): AppError {
  return new AppError(errorCode, reason, [{ name, code: rule, reason }]);
}

/** Turns zod issues into field messages named by their path ("locations.0.postcode"). */
export function invalidParamsFromZod(error: ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({
    name: issue.path.length ? issue.path.join('.') : 'body',
    code: issue.code,
    reason: issue.message,
  }));
}

/**
 * Hono and its validators throw HTTPException for requests they cannot read (malformed JSON, a body in a format the
 * route does not take); each becomes the problem of the same status, so no such request is answered with a 500.
 */
export function fromHttpException(err: HTTPException): AppError {
  switch (err.status) {
    case 400:
      return new AppError(ErrorCode.Validation, 'De inhoud is geen geldige JSON.', [
        { name: 'body', code: 'invalid_json', reason: 'geen geldige JSON' },
      ]);
    case 401:
      return new AppError(ErrorCode.Unauthenticated);
    case 403:
      return new AppError(ErrorCode.Forbidden);
    case 404:
      return new AppError(ErrorCode.NotFound);
    case 413:
      return new AppError(ErrorCode.PayloadTooLarge);
    case 415:
      return new AppError(ErrorCode.UnsupportedMediaType, 'Deze bewerking neemt de inhoud alleen aan als JSON.', [
        { name: 'Content-Type', code: 'unsupported_media_type', reason: 'gebruik application/json' },
      ]);
    default:
      return err.status >= 400 && err.status < 500
        ? new AppError(ErrorCode.Validation, 'Dit verzoek kan niet worden verwerkt.')
        : new AppError(ErrorCode.Internal, 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  }
}

export function problemResponse(c: Context, error: AppError): Response {
  const status = statusOf[error.code];
  const body = {
    type: `https://zorglandschap.nl/problemen/${error.code}`,
    title: titleOf[error.code],
    status,
    detail: error.invalidParams.length
      ? error.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ')
      : error.message,
    instance: c.req.path,
    code: error.code,
    ...(error.invalidParams.length ? { invalidParams: error.invalidParams } : {}),
  };
  return c.newResponse(JSON.stringify(body), status, {
    'Content-Type': 'application/problem+json',
    ...(error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : {}),
  });
}
