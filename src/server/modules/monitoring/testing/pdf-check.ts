import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test helpers around poppler-utils (Debian package; npm test checks for it, scripts/check-system.mjs): what a reader
 * of the PDF would see as text, how many pages it has, and page pictures to look at.
 */
function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error) throw new Error(`${tool} ontbreekt: installeer poppler-utils (apt-get install -y poppler-utils)`);
  if (run.status !== 0) throw new Error(`${tool} faalde: ${run.stderr}`);
  return run.stdout;
}

export interface PdfView {
  pages: number;
  /** pdfinfo's answer: Title, Tagged, Pages, … */
  info: Record<string, string>;
  /** pdfinfo -struct: the structure tree (tags in reading order), empty for an untagged PDF. */
  structure: string;
  /** Structure elements of a type (H1, Table, Figure, …) and how many of them carry alternative text. */
  figures: { count: number; withAlt: number };
  /** pdftotext -layout: table rows stay on one line. */
  text: string;
  /** Text per page (form feed separated). */
  pageTexts: string[];
  /** Writes PNGs of the pages (60 dpi) into dir, for a person to look at; returns their paths. */
  pictures(dir: string, first: number, last: number): string[];
  dispose(): void;
}

export function inspectPdf(pdf: Buffer): PdfView {
  const dir = mkdtempSync(join(tmpdir(), 'zl-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const info = poppler('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const text = poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  const fields = Object.fromEntries(
    info.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match ? [[match[1]!.trim(), match[2]!.trim()]] : [];
    }),
  );
  const raw = pdf.toString('latin1');
  return {
    pages,
    info: fields,
    structure: poppler('pdfinfo', ['-struct', file]),
    figures: { count: raw.match(/\/S \/Figure\b/g)?.length ?? 0, withAlt: raw.match(/\/Alt [(<]/g)?.length ?? 0 },
    text,
    pageTexts: text.split('\f'),
    pictures(out, first, last) {
      poppler('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), file, join(out, 'page')]);
      const width = String(pages).length;
      return Array.from({ length: last - first + 1 }, (_, i) =>
        join(out, `page-${String(first + i).padStart(width, '0')}.png`),
      );
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const isPdf = (pdf: Buffer) =>
  pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.subarray(-8).toString('latin1').includes('%%EOF');
