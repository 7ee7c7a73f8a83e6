import { createRequire } from 'node:module';

/**
 * The part of pdfkit 0.19's API the accessible documents use (the package ships no types). Kept narrow on purpose:
 * every call site goes through AccessiblePdf, which decides how content is tagged.
 */
export interface PdfStructElement {
  add(child: PdfStructElement | (() => void)): PdfStructElement;
  end(): void;
}

export interface PdfTextOptions {
  width?: number;
  align?: 'left' | 'right' | 'center' | 'justify';
  continued?: boolean;
  lineGap?: number;
  paragraphGap?: number;
  lineBreak?: boolean;
  height?: number;
  ellipsis?: boolean;
}

export interface PdfTableCell {
  text: string;
  type?: 'TH' | 'TD';
  scope?: 'Column' | 'Row';
  colSpan?: number;
  align?: { x: 'left' | 'right' | 'center'; y?: 'top' | 'center' | 'bottom' };
  font?: { src?: string; size?: number };
  textColor?: string;
  backgroundColor?: string;
  border?: number | [number, number, number, number];
  borderColor?: string | { top: string; right: string; bottom: string; left: string };
  padding?: number | [number, number, number, number];
}

export interface PdfKitDocument {
  page: {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
    maxY(): number;
  };
  x: number;
  y: number;
  outline: { addItem(title: string): unknown };
  registerFont(name: string, path: string): PdfKitDocument;
  font(name: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  fillColor(color: string, opacity?: number): PdfKitDocument;
  strokeColor(color: string): PdfKitDocument;
  lineWidth(width: number): PdfKitDocument;
  text(text: string, options?: PdfTextOptions): PdfKitDocument;
  text(text: string, x: number, y: number, options?: PdfTextOptions): PdfKitDocument;
  heightOfString(text: string, options?: PdfTextOptions): number;
  widthOfString(text: string): number;
  moveDown(lines?: number): PdfKitDocument;
  addPage(): PdfKitDocument;
  rect(x: number, y: number, w: number, h: number): PdfKitDocument;
  circle(x: number, y: number, r: number): PdfKitDocument;
  moveTo(x: number, y: number): PdfKitDocument;
  lineTo(x: number, y: number): PdfKitDocument;
  dash(length: number, options?: { space: number }): PdfKitDocument;
  undash(): PdfKitDocument;
  fill(color?: string): PdfKitDocument;
  stroke(color?: string): PdfKitDocument;
  fillAndStroke(fill: string, stroke: string): PdfKitDocument;
  save(): PdfKitDocument;
  restore(): PdfKitDocument;
  struct(type: string, options?: Record<string, unknown>, children?: () => void): PdfStructElement;
  addStructure(element: PdfStructElement): PdfKitDocument;
  markContent(tag: string, options?: Record<string, unknown>): PdfKitDocument;
  endMarkedContent(): PdfKitDocument;
  table(options: {
    structParent?: PdfStructElement;
    data?: PdfTableCell[][];
    columnStyles?: Array<{ width: number | '*' }>;
    defaultStyle?: Record<string, unknown>;
    position?: { x: number; y: number };
    maxWidth?: number;
  }): PdfKitDocument;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(index: number): PdfKitDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): PdfKitDocument;
  on(event: 'end' | 'error', listener: (error?: Error) => void): PdfKitDocument;
  end(): void;
}

export interface PdfKitOptions {
  size: string;
  margins: { top: number; bottom: number; left: number; right: number };
  pdfVersion: string;
  subset?: 'PDF/UA';
  tagged: boolean;
  lang: string;
  displayTitle: boolean;
  bufferPages: boolean;
  autoFirstPage: boolean;
  info: { Title: string; Author?: string; Subject?: string; Creator?: string; Producer?: string; CreationDate?: Date };
}

const require = createRequire(import.meta.url);

export function createPdfKitDocument(options: PdfKitOptions): PdfKitDocument {
  const PDFDocument = require('pdfkit') as new (options: PdfKitOptions) => PdfKitDocument;
  return new PDFDocument(options);
}
