export * from './reference';
export * from './registry';
export * from './employers';
export * from './payments';
export * from './ledger';
export * from './audit';
