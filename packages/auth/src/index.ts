export * from './principal';
export * from './auth-config';
export * from './tokens';
export * from './authorize';
export * from './gateway-assertion';
