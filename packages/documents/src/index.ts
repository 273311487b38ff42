export * from './printable';
export { renderPdf } from './render-pdf';
export * from './catalogue';
