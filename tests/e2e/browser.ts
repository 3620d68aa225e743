/** Kept for existing imports: the end-to-end harness lives in ./harness.ts. */
export * from './harness.ts';
