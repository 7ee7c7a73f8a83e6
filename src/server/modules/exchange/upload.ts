import { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError, ErrorCode } from '../../http/errors.js';
import { importLimits, tooLarge, type ImportSource, type UnreadableSource } from './sources.js';

/** An uploaded archive, held in memory until its entries are read. */
export interface UploadedZip {
  name: string;
  zip: Buffer;
}
export type UploadedFile = ImportSource | UnreadableSource | UploadedZip;

/** Parts of one upload; far more than a person selects, few enough that their bookkeeping stays small. */
const maxParts = 100_000;

/**
 * Reads the files of a multipart upload (field "files") as the body streams in, into memory only: nothing of an upload
 * is ever written to disk, so nothing can be left behind. The request's body limit bounds the whole. An XML file stops
 * being kept the moment it passes the OP179 limit of 25 MB: the rest of it is counted and dropped, and the file is
 * refused with its size, without being parsed. An archive is kept whole (its entries are bounded when it is read).
 */
export async function readUpload(request: Request): Promise<UploadedFile[]> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) throw notMultipart();
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { parts: maxParts } });
  } catch {
    throw notMultipart();
  }
  const files: UploadedFile[] = [];
  const done = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'files' || !info.filename) {
        stream.resume();
        return;
      }
      const name = info.filename;
      const isZip = /\.zip$/i.test(name);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (isZip || size <= importLimits.maxFileBytes) chunks.push(chunk);
        else chunks.length = 0;
      });
      stream.on('end', () => {
        if (isZip) files.push({ name, zip: Buffer.concat(chunks) });
        else if (size > importLimits.maxFileBytes) files.push({ name, problem: tooLarge(size) });
        else files.push({ name, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('partsLimit', () =>
      reject(new AppError(ErrorCode.Validation, `Een upload mag hoogstens ${maxParts} bestanden bevatten.`)),
    );
    parser.on('error', (e: Error) => reject(e instanceof AppError ? e : notMultipart()));
    parser.on('close', resolve);
  });
  const body = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  body.on('error', (e) => parser.destroy(e));
  body.pipe(parser);
  try {
    await done;
  } finally {
    body.unpipe(parser);
    body.destroy();
  }
  return files;
}

function notMultipart(): AppError {
  return new AppError(ErrorCode.Validation, 'Stuur de bestanden als multipart/form-data in het veld "files".');
}
