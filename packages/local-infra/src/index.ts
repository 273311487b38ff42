export * from './embedded-postgres';
export * from './kafka-mock';
export * from './free-port';
export * from './esm';
