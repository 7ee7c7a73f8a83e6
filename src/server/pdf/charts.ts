import type { Box } from './accessible-pdf.js';
import { fontFiles, pdfColours } from './accessible-pdf.js';
import type { PdfKitDocument } from './pdfkit.js';

/**
 * Charts drawn straight with pdfkit's vector operations, inside an AccessiblePdf figure (which carries the
 * alternative text; the figure's table carries the numbers). Colours follow the dashboard's; a missing value
 * (withheld or no data) is a gap, never a zero.
 */

export const chartPalette = { current: '#1f4e8c', previous: '#9aa5b1', target: '#b3261e', reference: '#6b4f00' };

export interface LineChart {
  labels: string[];
  values: Array<number | null>;
  /** Points drawn hollow: the figure is provisional. */
  hollow: boolean[];
  lines: Array<{ label: string; value: number; colour: string }>;
  format: (value: number) => string;
}

export interface BarChart {
  categories: string[];
  series: Array<{ name: string; colour: string; values: Array<number | null> }>;
  format: (value: number) => string;
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max / 4)! * power;
  return Math.ceil(max / step) * step;
}

function legend(
  doc: PdfKitDocument,
  x: number,
  y: number,
  items: Array<{ label: string; colour: string; line?: boolean; hollow?: boolean }>,
) {
  doc.font(fontFiles.regular).fontSize(7.5);
  let at = x;
  for (const item of items) {
    if (item.line)
      doc
        .save()
        .lineWidth(1.5)
        .moveTo(at, y + 4)
        .lineTo(at + 14, y + 4)
        .stroke(item.colour)
        .restore();
    else if (item.hollow)
      doc
        .save()
        .lineWidth(1)
        .circle(at + 5, y + 4, 2.6)
        .stroke(item.colour)
        .restore();
    else doc.rect(at, y + 1, 10, 6).fill(item.colour);
    doc.fillColor(pdfColours.text).text(item.label, at + 17, y, { lineBreak: false });
    at += 17 + doc.widthOfString(item.label) + 14;
  }
}

/** A line over periods with its target and reference lines (dashed), hollow points for provisional periods. */
export function drawLineChart(doc: PdfKitDocument, box: Box, chart: LineChart): void {
  const known = chart.values.filter((v): v is number => v !== null);
  const max = niceMax(Math.max(...known, ...chart.lines.map((l) => l.value), 0) * 1.08);
  const plot = { x: box.x + 62, y: box.y + 22, width: box.width - 74, height: box.height - 42 };
  const yOf = (v: number) => plot.y + plot.height - (v / max) * plot.height;
  const step = plot.width / Math.max(1, chart.labels.length - 1);
  const xOf = (i: number) => plot.x + (chart.labels.length === 1 ? plot.width / 2 : i * step);
  legend(doc, plot.x, box.y, [
    { label: 'Waarde', colour: chartPalette.current, line: true },
    ...chart.lines.map((l) => ({ label: l.label, colour: l.colour, line: true })),
    ...(chart.hollow.some(Boolean)
      ? [{ label: 'open punt: voorlopig', colour: chartPalette.current, hollow: true }]
      : []),
  ]);
  doc.font(fontFiles.regular).fontSize(7.5);
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    doc
      .save()
      .lineWidth(0.3)
      .moveTo(plot.x, yOf(v))
      .lineTo(plot.x + plot.width, yOf(v))
      .stroke(pdfColours.rule)
      .restore();
    doc.fillColor(pdfColours.muted).text(chart.format(v), box.x, yOf(v) - 4, { width: 58, align: 'right' });
  }
  chart.labels.forEach((label, i) => {
    doc.fillColor(pdfColours.muted).text(label, xOf(i) - 30, plot.y + plot.height + 5, { width: 60, align: 'center' });
  });
  for (const line of chart.lines) {
    doc.save().lineWidth(1.2).dash(4, { space: 3 }).moveTo(plot.x, yOf(line.value));
    doc
      .lineTo(plot.x + plot.width, yOf(line.value))
      .stroke(line.colour)
      .undash()
      .restore();
  }
  doc.save().lineWidth(1.8).strokeColor(chartPalette.current);
  let drawing = false;
  chart.values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(xOf(i), yOf(v));
    else doc.moveTo(xOf(i), yOf(v));
    drawing = true;
  });
  doc.stroke().restore();
  chart.values.forEach((v, i) => {
    if (v === null) return;
    doc.save().lineWidth(1.2).circle(xOf(i), yOf(v), 2.6);
    if (chart.hollow[i]) doc.fillAndStroke('#ffffff', chartPalette.current);
    else doc.fill(chartPalette.current);
    doc.restore();
  });
}

/** Horizontal bars per category, one bar per series; a missing value leaves its bar out. */
export function drawBarChart(doc: PdfKitDocument, box: Box, chart: BarChart): void {
  const known = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = niceMax(Math.max(...known, 0) * 1.15);
  const plot = { x: box.x + 110, y: box.y + 18, width: box.width - 130, height: box.height - 34 };
  const band = plot.height / Math.max(1, chart.categories.length);
  const bar = Math.min(9, (band - 6) / chart.series.length);
  legend(
    doc,
    plot.x,
    box.y,
    chart.series.map((s) => ({ label: s.name, colour: s.colour })),
  );
  doc.font(fontFiles.regular).fontSize(7.5);
  for (let t = 0; t <= 4; t++) {
    const x = plot.x + (plot.width * t) / 4;
    doc
      .save()
      .lineWidth(0.3)
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + plot.height)
      .stroke(pdfColours.rule)
      .restore();
    doc.fillColor(pdfColours.muted).text(chart.format((max * t) / 4), x - 35, plot.y + plot.height + 4, {
      width: 70,
      align: 'center',
    });
  }
  chart.categories.forEach((category, c) => {
    const top = plot.y + c * band + (band - bar * chart.series.length) / 2;
    doc.font(fontFiles.regular).fontSize(8).fillColor(pdfColours.text);
    doc.text(category, box.x, top + (bar * chart.series.length) / 2 - 4, {
      width: 104,
      align: 'right',
      lineBreak: false,
    });
    chart.series.forEach((series, s) => {
      const v = series.values[c];
      if (v === null || v === undefined) return;
      const y = top + s * bar;
      doc.rect(plot.x, y, Math.max(0.5, (v / max) * plot.width), bar - 1).fill(series.colour);
      doc.font(fontFiles.regular).fontSize(7).fillColor(pdfColours.text);
      doc.text(chart.format(v), plot.x + (v / max) * plot.width + 3, y + bar / 2 - 3.5, { lineBreak: false });
    });
  });
}
