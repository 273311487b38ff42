/**
 * A printable document as the agencies issue it (issue 16, item 5): a title,
 * then blocks — paragraphs, labelled fields, tables, a signature image,
 * signature lines. Services build it from stored data (plain TypeScript, no
 * PDF types), so a test can read the same text a PDF shows.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[]; widths?: readonly number[] }
  | { kind: 'image'; png: Buffer; caption: string; width?: number }
  | { kind: 'signatures'; lines: readonly string[] };

export interface PrintableDocument {
  /** The download's file name, e.g. `social-contract-СК-25-2026-000001.pdf` (ASCII and Cyrillic alike). */
  fileName: string;
  /** The issuing body, printed above the title, e.g. «ЦСПН (25701000)». */
  issuer: string;
  title: string;
  subtitle?: string;
  blocks: readonly Block[];
}

/** Money as the notices print it (the kernel's one formatter). */
export { rubles } from '@sc/kernel';

/** 2026-11-30 → 30.11.2026, as Russian documents date things. */
export const ruDate = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '—';

/** A value or a dash. */
export const orDash = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? '—' : String(v);
