import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block, PrintableDocument } from './printable';

/** DejaVu Sans, shipped with the project (fonts/, free licence): every Cyrillic letter, the ₽ sign, no system fonts needed. */
const FONTS = {
  regular: join(__dirname, '..', 'fonts', 'DejaVuSans.ttf'),
  bold: join(__dirname, '..', 'fonts', 'DejaVuSans-Bold.ttf'),
};
const MARGIN = 50;

/**
 * Renders a printable document to PDF with pdfkit (A4, embedded fonts): text
 * is real text, so it can be searched, copied and read back (pdftotext).
 */
export function renderPdf(d: PrintableDocument, info: { author?: string; createdAt?: Date } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: d.title, Author: info.author ?? d.issuer, CreationDate: info.createdAt ?? new Date() },
  });
  pdf.registerFont('regular', FONTS.regular);
  pdf.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('regular').fontSize(9).fillColor('#444').text(d.issuer, { align: 'right' });
  pdf.moveDown(0.8).font('bold').fontSize(14).fillColor('black').text(d.title, { align: 'center' });
  if (d.subtitle) pdf.moveDown(0.2).font('regular').fontSize(10).text(d.subtitle, { align: 'center' });
  pdf.moveDown(1);
  for (const b of d.blocks) block(pdf, b);
  pdf.end();
  return done;
}

type Pdf = InstanceType<typeof PDFDocument>;

function block(pdf: Pdf, b: Block): void {
  const width = pdf.page.width - 2 * MARGIN;
  switch (b.kind) {
    case 'heading':
      pdf.moveDown(0.6).font('bold').fontSize(11).text(b.text, MARGIN).moveDown(0.3);
      return;
    case 'paragraph':
      pdf.font('regular').fontSize(10).text(b.text, MARGIN, undefined, { width, align: 'justify' }).moveDown(0.4);
      return;
    case 'fields':
      for (const [label, value] of b.rows) {
        pdf.font('bold').fontSize(10).text(`${label}: `, MARGIN, undefined, { continued: true, width });
        pdf.font('regular').text(value);
      }
      pdf.moveDown(0.4);
      return;
    case 'table':
      return table(pdf, b, width);
    case 'image':
      pdf.image(b.png, MARGIN, undefined, { width: b.width ?? 160 });
      pdf.font('regular').fontSize(8).text(b.caption, MARGIN, undefined, { width }).moveDown(0.4);
      return;
    case 'signatures':
      pdf.moveDown(1.2);
      for (const line of b.lines)
        pdf.font('regular').fontSize(10).text(`${line}  ____________________`, MARGIN).moveDown(0.6);
      return;
  }
}

/** A simple ruled table: a bold header, rows that break across pages as whole rows. */
function table(pdf: Pdf, t: Extract<Block, { kind: 'table' }>, width: number): void {
  const share = t.widths ?? t.columns.map(() => 1 / t.columns.length);
  const cols = share.map((s) => s * width);
  const row = (cells: readonly string[], font: 'regular' | 'bold') => {
    pdf.font(font).fontSize(9);
    const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: cols[i]! - 6 }))) + 6;
    if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
    const y = pdf.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      pdf.rect(x, y, cols[i]!, height).stroke('#999');
      pdf.fillColor('black').text(c, x + 3, y + 3, { width: cols[i]! - 6 });
      x += cols[i]!;
    });
    pdf.x = MARGIN;
    pdf.y = y + height;
  };
  row(t.columns, 'bold');
  for (const r of t.rows) row(r, 'regular');
  pdf.moveDown(0.6);
}
