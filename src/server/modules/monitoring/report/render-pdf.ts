import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A pdfmake document node: text, a list of nodes, or an object such as { table }, { svg }, { stack }. */
export type PdfContent = string | PdfContent[] | { [key: string]: unknown };

export interface PdfDocumentDefinition {
  content: PdfContent;
  info?: { title?: string; author?: string; subject?: string; creator?: string };
  language?: string;
  pageSize?: string;
  pageMargins?: [number, number, number, number];
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
}

/** The part of pdfmake 0.3's Node API we use (the package ships no types). */
interface PdfMake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: PdfDocumentDefinition): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let printer: PdfMake | null = null;

/**
 * pdfmake's Node build is one shared instance: give it Roboto (ships with pdfmake, covers ë, é, € and –) once, and
 * let it read nothing but those font files, so a document can never pull in a URL or a local file.
 */
function pdfmake(): PdfMake {
  if (printer) return printer;
  const instance = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  instance.addFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => dirname(path) === fontDir);
  printer = instance;
  return instance;
}

/** Lays out and writes the document; pdfmake works in memory, which suits reports of a few pages. */
export async function renderPdf(doc: PdfDocumentDefinition): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}
