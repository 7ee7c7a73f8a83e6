import { fileURLToPath } from 'node:url';
import { createPdfKitDocument, type PdfKitDocument, type PdfStructElement, type PdfTableCell } from './pdfkit.js';

/**
 * A small builder for tagged, accessible PDF documents (PDF/UA-1 as far as pdfkit takes it): document language and
 * title, a structure tree in reading order (Document → Sect → H1/H2/H3, P, L/LI, Table/TR/TH/TD, Figure with Alt),
 * bookmarks per heading, and page numbers as artifacts. Every piece of content is drawn inside its structure element,
 * so nothing reaches the page untagged. Reports of any module (quarterly report, provider pack, experience report)
 * write through it; docs/decisions.md, "Accessible PDF".
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type Inline = string | Run[];

export interface TableColumn {
  header: string;
  /** Points, or '*' to share what is left. */
  width: number | '*';
  align?: 'left' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** The last row is a total, set in bold. */
  total?: boolean;
  /** The first cell of each row names the row (a row header for screen readers); default true. */
  rowHeaders?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  /** BCP 47, default nl-NL. */
  lang?: string;
  /** Shown at the foot of every page beside the page number. */
  footer: string;
}

const fontDir = (name: string) => fileURLToPath(new URL(`./fonts/${name}`, import.meta.url));
/**
 * Fonts by file path, not by a registered name: pdfkit's table restores each cell's font by its source, and only a
 * source it was opened by is cached (a registered name made it parse the font file again for every cell, ~10 ms).
 */
export const fontFiles = {
  regular: fontDir('Roboto-Regular.ttf'),
  bold: fontDir('Roboto-Medium.ttf'),
  italic: fontDir('Roboto-Italic.ttf'),
} as const;
export const pdfColours = { text: '#1a1a1a', muted: '#555555', accent: '#1f4e8c', rule: '#c8c8c8', band: '#eef3f9' };
const sizes = { body: 9.5, note: 8.5, h1: 17, h2: 12.5, h3: 10.5, table: 9 };

/**
 * Horizontal rules above and below a cell. pdfkit writes a cell's border colours into its table attributes with null
 * for a side without a border, which readers reject as the wrong type (poppler: "Attribute BorderColor value is of
 * wrong type"); so every side gets a border, the sides a hair of white.
 */
function rules(top: number, bottom: number, topColour: string, bottomColour: string): Partial<PdfTableCell> {
  return {
    border: [top, 0.01, bottom, 0.01],
    borderColor: { top: topColour, right: '#ffffff', bottom: bottomColour, left: '#ffffff' },
  };
}

export class AccessiblePdf {
  readonly doc: PdfKitDocument;
  readonly left: number;
  readonly width: number;
  private readonly root: PdfStructElement;
  private current: PdfStructElement;
  private readonly footer: string;

  constructor(info: DocumentInfo) {
    this.doc = createPdfKitDocument({
      size: 'A4',
      margins: { top: 50, bottom: 60, left: 48, right: 48 },
      pdfVersion: '1.7',
      subset: 'PDF/UA',
      tagged: true,
      lang: info.lang ?? 'nl-NL',
      displayTitle: true,
      bufferPages: true,
      autoFirstPage: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Zorglandschap' },
    });
    this.doc.font(fontFiles.regular).fontSize(sizes.body).fillColor(pdfColours.text);
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.current = this.root;
    this.footer = info.footer;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
    this.doc.x = this.left;
  }

  pageBreak(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  space(points: number): void {
    this.doc.y += points;
  }

  /** A section with its heading (H1–H3) and a bookmark; what `body` writes belongs to it. */
  section(level: 1 | 2 | 3, title: string, body: () => void, options: { keepWith?: number } = {}): void {
    const sect = this.doc.struct('Sect');
    const parent = this.current;
    parent.add(sect);
    this.current = sect;
    try {
      this.heading(level, title, options.keepWith ?? 60);
      body();
    } finally {
      this.current = parent;
      sect.end();
    }
  }

  private heading(level: 1 | 2 | 3, title: string, keepWith: number): void {
    const size = level === 1 ? sizes.h1 : level === 2 ? sizes.h2 : sizes.h3;
    this.ensureSpace(size * 1.6 + keepWith);
    if (level < 3) this.doc.outline.addItem(title);
    this.block(`H${level}`, {}, () => {
      this.doc
        .font(fontFiles.bold)
        .fontSize(size)
        .fillColor(level === 1 ? pdfColours.accent : pdfColours.text)
        .text(title, this.left, this.doc.y, { width: this.width });
    });
    this.space(level === 1 ? 6 : 3);
  }

  /** A paragraph; runs can be bold or italic. `note` is the smaller, grey text of explanations. */
  paragraph(content: Inline, options: { note?: boolean; size?: number; after?: number; colour?: string } = {}): void {
    const runs = typeof content === 'string' ? [{ text: content }] : content;
    const size = options.size ?? (options.note ? sizes.note : sizes.body);
    const colour = options.colour ?? (options.note ? pdfColours.muted : pdfColours.text);
    this.ensureSpace(size * 2.5);
    this.block('P', {}, () => this.runs(runs, size, colour, this.left, this.width));
    this.space(options.after ?? 5);
  }

  private runs(runs: Run[], size: number, colour: string, x: number, width: number, y = this.doc.y): void {
    this.doc.fontSize(size).fillColor(colour);
    runs.forEach((run, i) => {
      this.doc.font(fontFiles[run.bold ? 'bold' : run.italic ? 'italic' : 'regular']);
      const options = { width, continued: i < runs.length - 1, lineGap: 1.5 };
      if (i === 0) this.doc.text(run.text, x, y, options);
      else this.doc.text(run.text, options);
    });
    this.doc.font(fontFiles.regular).fillColor(pdfColours.text);
  }

  /** A bulleted list (L → LI → Lbl + LBody). */
  list(items: Inline[], options: { after?: number } = {}): void {
    const list = this.doc.struct('L');
    this.current.add(list);
    for (const item of items) {
      const runs = typeof item === 'string' ? [{ text: item }] : item;
      this.ensureSpace(sizes.body * 2.5);
      const li = this.doc.struct('LI');
      list.add(li);
      const y = this.doc.y;
      li.add(
        this.doc.struct('Lbl', {}, () =>
          this.doc
            .font(fontFiles.regular)
            .fontSize(sizes.body)
            .text('•', this.left + 2, y),
        ),
      );
      li.add(
        this.doc.struct('LBody', {}, () =>
          this.runs(runs, sizes.body, pdfColours.text, this.left + 14, this.width - 14, y),
        ),
      );
      li.end();
      this.space(3);
    }
    list.end();
    this.space(options.after ?? 4);
  }

  /** A framed note with a bold title, for what a reader must not miss (provisional figures, small numbers). */
  callout(title: string, text: string): void {
    const height =
      this.doc
        .font(fontFiles.regular)
        .fontSize(sizes.body)
        .heightOfString(text, { width: this.width - 24 }) + 30;
    this.ensureSpace(height + 8);
    const top = this.doc.y;
    this.artifact(() => {
      this.doc.save().rect(this.left, top, this.width, height).fill('#f3f6fa');
      this.doc.rect(this.left, top, 3, height).fill(pdfColours.accent).restore();
    });
    this.doc.y = top + 8;
    this.block('P', {}, () =>
      this.runs(
        [{ text: `${title} `, bold: true }, { text }],
        sizes.body,
        pdfColours.text,
        this.left + 12,
        this.width - 24,
      ),
    );
    this.doc.y = top + height + 10;
  }

  /** A table with column headers (TH, scope Column) and, by default, row headers (TH, scope Row). */
  table(spec: TableSpec): void {
    const rowHeaders = spec.rowHeaders ?? true;
    const last = spec.rows.length - 1;
    const header: PdfTableCell[] = spec.columns.map((c) => ({
      text: c.header,
      type: 'TH',
      scope: 'Column',
      font: { src: fontFiles.bold },
      backgroundColor: pdfColours.band,
      ...rules(0.8, 0.8, pdfColours.text, pdfColours.text),
      align: { x: c.align ?? 'left' },
    }));
    const body = spec.rows.map((row, r) =>
      row.map((text, i): PdfTableCell => ({
        text,
        ...(rowHeaders && i === 0 ? { type: 'TH' as const, scope: 'Row' as const } : {}),
        ...(spec.total && r === last ? { font: { src: fontFiles.bold } } : {}),
        ...rules(
          r === 0 ? 0.8 : 0.3,
          r === last ? 0.8 : 0.3,
          r === 0 ? pdfColours.text : pdfColours.rule,
          r === last ? pdfColours.text : pdfColours.rule,
        ),
        align: { x: spec.columns[i]?.align ?? 'left' },
      })),
    );
    this.ensureSpace(60);
    this.doc.font(fontFiles.regular).fontSize(sizes.table).fillColor(pdfColours.text);
    this.doc.table({
      structParent: this.current,
      position: { x: this.left, y: this.doc.y },
      maxWidth: this.width,
      columnStyles: spec.columns.map((c) => ({ width: c.width })),
      defaultStyle: { padding: [2.5, 4, 2.5, 4], textColor: pdfColours.text },
      data: [header, ...body],
    });
    this.doc.x = this.left;
    this.space(6);
  }

  /** A picture with its alternative text (Figure, Alt); `draw` paints inside the box and nowhere else. */
  figure(alt: string, height: number, draw: (box: Box) => void): void {
    this.ensureSpace(height + 4);
    const box = { x: this.left, y: this.doc.y, width: this.width, height };
    this.block(
      'Figure',
      { alt, bbox: [box.x, box.y, box.x + box.width, box.y + box.height], placement: 'Block' },
      () => {
        this.doc.save();
        draw(box);
        this.doc.restore();
      },
    );
    this.doc.x = this.left;
    this.doc.y = box.y + height + 4;
  }

  /** Decoration a screen reader should skip (frames, rules). */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  private block(type: string, options: Record<string, unknown>, draw: () => void): void {
    this.current.add(this.doc.struct(type, options, draw));
  }

  /** Page numbers as artifacts on every page, then the file. */
  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', (error) => reject(error ?? new Error('PDF niet gemaakt')));
    });
    this.root.end();
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 36;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc.font(fontFiles.regular).fontSize(8).fillColor(pdfColours.muted);
      this.doc.text(this.footer, this.left, y, { width: this.width - 100, lineBreak: false, ellipsis: true });
      this.doc.text(`Pagina ${i + 1} van ${count}`, this.left + this.width - 100, y, { width: 100, align: 'right' });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return done;
  }
}
