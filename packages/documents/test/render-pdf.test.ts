import { flatPdfText } from '@sc/testing';
import { deflateSync } from 'node:zlib';
import { renderPdf, rubles, ruDate, type PrintableDocument } from '../src';

/** A 2×2 red PNG, built here so the test carries no binary fixture. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The renderer with the fonts shipped in the package: Cyrillic, ₽, tables and images read back as text. */
describe('PDF rendering (pdfkit, DejaVu Sans shipped with the project)', () => {
  it('prints every block so that pdftotext reads the same words back', async () => {
    const doc: PrintableDocument = {
      fileName: 'test.pdf',
      issuer: 'ЦСПН (25701000)',
      title: 'Социальный контракт № СК-25-2026-000001',
      subtitle: `от ${ruDate('2026-11-30')}`,
      blocks: [
        { kind: 'heading', text: 'Стороны' },
        { kind: 'paragraph', text: 'Получатель обязуется выполнить мероприятия программы социальной адаптации.' },
        { kind: 'fields', rows: [['Ежемесячная выплата', rubles(2_188_200)]] },
        {
          kind: 'table',
          columns: ['№', 'Назначение', 'Сумма'],
          rows: [['1', 'ежемесячная выплата', rubles(2_188_200)]],
        },
        { kind: 'image', png: tinyPng(), caption: 'Подпись получателя (SHA-256 abc)', width: 40 },
        { kind: 'signatures', lines: ['Специалист ЦСПН'] },
      ],
    };
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flatPdfText(pdf);
    for (const phrase of [
      'ЦСПН (25701000)',
      'Социальный контракт № СК-25-2026-000001',
      'от 30.11.2026',
      'Стороны',
      'Получатель обязуется выполнить мероприятия программы социальной адаптации.',
      'Ежемесячная выплата: 21 882,00 ₽',
      'Назначение',
      'ежемесячная выплата',
      'Подпись получателя (SHA-256 abc)',
      'Специалист ЦСПН',
    ])
      expect(text).toContain(phrase);
  });
});
