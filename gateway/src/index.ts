export * from './server';
export * from './supergraph';
export * from './config';
export * from './rate-limit-of';
export * from './trusted-documents';
export * from './statistics-csv';
export * from './explorer';
