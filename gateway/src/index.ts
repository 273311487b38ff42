export * from './server';
export * from './supergraph';
export * from './config';
export * from './trusted-documents';
export * from './statistics-csv';
export * from './explorer';
