import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF as poppler's `pdftotext` reads it (what a person copying
 * from the document gets): the proof a document says what its data says.
 * `.ci/run` installs poppler-utils; without it the test fails, it is not skipped.
 */
export function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'document.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext is required to read PDFs back: apt-get install -y poppler-utils', { cause: e });
    throw e;
  }
}

/** The text with runs of white space made one space, so a phrase broken across lines is still found. */
export const flatPdfText = (pdf: Buffer): string => pdfText(pdf).replace(/\s+/g, ' ');

/** Downloads a printable document as a front-end does: the gateway's `/documents/<kind>.pdf?id=`, the caller's token and purpose. */
export async function fetchDocument(
  graphqlUrl: string,
  kind: string,
  id: string,
  token?: string,
): Promise<{ status: number; contentType: string | null; fileName: string | null; body: Buffer }> {
  const res = await fetch(new URL(`/documents/${kind}.pdf?id=${encodeURIComponent(id)}`, graphqlUrl), {
    headers: { 'x-purpose': 'automated test of the case file', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const disposition = res.headers.get('content-disposition');
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    fileName: disposition ? decodeURIComponent(disposition.replace(/^.*filename\*=UTF-8''/, '')) : null,
    body: Buffer.from(await res.arrayBuffer()),
  };
}
