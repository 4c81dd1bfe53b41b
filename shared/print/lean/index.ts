// The lean .xlsx writer (see book.ts); its container is the caller's (functions/src/xlsx-out).
export { LeanBook, type BookMeta } from './book';
export type { Part, PartSink } from './part';
