// Everything the store checks with zod, in one module loaded on first need (see schema-loader.ts):
// loading zod costs a cold start ~150 ms, and a notebook this version sealed needs none of it.
export * from './schema';
export { notebookV1Schema, upgradeFromV1 } from './migration-v1';
