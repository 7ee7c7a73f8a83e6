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
  const refused: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'files' || !info.filename) {
        stream.resume();
        return;
      }
      const name = info.filename;
      // What a file is, is judged from its first bytes, not its name: a .txt (or a PDF named .xml) is refused whole.
      let kind: FileKind | undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (kind === undefined) {
          chunks.push(chunk);
          if (size >= sniffBytes) kind = sniffKind(Buffer.concat(chunks));
        } else if (kind === 'zip' || (kind === 'xml' && size <= importLimits.maxFileBytes)) chunks.push(chunk);
        if (kind === null || (kind === 'xml' && size > importLimits.maxFileBytes)) chunks.length = 0;
      });
      stream.on('end', () => {
        kind ??= sniffKind(Buffer.concat(chunks));
        if (kind === null) refused.push(name);
        else if (kind === 'zip') files.push({ name, zip: Buffer.concat(chunks) });
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
  if (refused.length) throw notXmlOrZip(refused);
  return files;
}

type FileKind = 'zip' | 'xml' | null;
/** Enough of a file's start to see past a byte order mark and leading white space. */
const sniffBytes = 512;

/**
 * What a file's first bytes say it is: a zip archive (local file header or an empty archive's end record), XML
 * (after an optional byte order mark and white space, a '<'), or neither.
 */
export function sniffKind(head: Buffer): FileKind {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && [0x0304, 0x0506].includes(head.readUInt16BE(2)))
    return 'zip';
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return 'xml'; // UTF-16
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[i]!)) i++;
  return head[i] === 0x3c ? 'xml' : null;
}

/** The whole upload is refused, so nothing is half read in: the user removes the files named and tries again. */
function notXmlOrZip(names: string[]): AppError {
  const list = names.slice(0, 10).join(', ') + (names.length > 10 ? ` en nog ${names.length - 10}` : '');
  // The whole sentence is the problem's detail (field messages would replace it with the bare list).
  return new AppError(
    ErrorCode.Validation,
    `Alleen iJw-berichten (XML) en zip-bestanden kunnen worden ingelezen. Geen XML of zip: ${list}. Er is niets ingelezen; haal deze bestanden uit de selectie en probeer het opnieuw.`,
  );
}

function notMultipart(): AppError {
  return new AppError(ErrorCode.Validation, 'Stuur de bestanden als multipart/form-data in het veld "files".');
}
