import { limits } from '../../../shared/domain';
import { ApiError, reportUnauthorized, type Problem } from '../../lib/api-client';
import type { ImportResponse } from './types';

/** The server's limit for one upload; larger sets go through the CLI. */
export const maxUploadBytes = limits.uploadMaxBytes;

export interface UploadHandlers {
  /** Bytes sent so far, while the browser sends the files. */
  onProgress(loaded: number, total: number): void;
  /** Everything is sent; the server now reads and checks the files. */
  onSent(): void;
}

function problemOf(xhr: XMLHttpRequest): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: xhr.statusText || 'Fout',
    status: xhr.status,
    code: String(xhr.status),
  };
  if (xhr.status === 413) {
    fallback.detail = `Een upload mag hoogstens ${maxUploadBytes / 1024 / 1024} MB zijn; lees grotere sets in met de CLI.`;
  }
  if (!(xhr.getResponseHeader('Content-Type') ?? '').includes('json')) return fallback;
  try {
    const body = JSON.parse(xhr.responseText) as Partial<Problem>;
    return {
      ...fallback,
      ...(body.title ? { title: body.title } : {}),
      ...(body.code ? { code: body.code } : {}),
      ...(body.detail ? { detail: body.detail } : {}),
      ...(body.invalidParams ? { invalidParams: body.invalidParams } : {}),
    };
  } catch {
    return fallback;
  }
}

/**
 * Sends the files as multipart/form-data (field "files") to POST /api/v1/imports. XMLHttpRequest rather than
 * fetch, because only it reports upload progress. Resolves with the verdict per file or rejects with an ApiError.
 */
export function uploadFiles(files: File[], handlers: UploadHandlers): Promise<ImportResponse> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) handlers.onProgress(event.loaded, event.total);
    };
    xhr.upload.onload = () => handlers.onSent();
    xhr.onload = () => {
      if (xhr.status === 200) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportResponse);
        } catch {
          reject(
            new ApiError({
              type: 'about:blank',
              title: 'Fout',
              status: 0,
              code: 'client',
              detail: 'Het antwoord van de server is onleesbaar.',
            }),
          );
        }
        return;
      }
      if (xhr.status === 401) reportUnauthorized();
      reject(new ApiError(problemOf(xhr)));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'about:blank',
          title: 'Geen verbinding',
          status: 0,
          code: 'network',
          detail: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
        }),
      );
    xhr.send(form);
  });
}
