// A long text kept in one entity as string properties p0, p1, …: a table string property holds at
// most 64 KiB (UTF-16) and an entity 1 MiB, so pieces of 32,000 characters, at most 12 of them.
// A longer text goes to a blob instead. Used for what an upload stores in its own transaction (the
// normalized submission, the raw workbook), so storing them costs no storage call of its own.
import { z } from 'zod';
import { MalformedEntityError, parse } from './entities';
import type { Entity, StoredEntity } from './store';

const PIECE_CHARS = 32_000;
const MAX_PIECES = 12;
/** The longest text one entity holds. */
export const MAX_PIECES_CHARS = PIECE_CHARS * MAX_PIECES;

/** `head` plus the text's pieces and their count, or null when the text needs more than MAX_PIECES. */
export function withPieces(head: Entity, text: string): Entity | null {
  const pieces = Math.max(1, Math.ceil(text.length / PIECE_CHARS));
  if (pieces > MAX_PIECES) return null;
  const props: Entity = { ...head, pieces };
  for (let i = 0; i < pieces; i++) props[`p${i}`] = text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
  return props;
}

const piecesShape = z.looseObject({ pieces: z.number().int().min(1).max(MAX_PIECES) });

/** The text an entity written by withPieces holds; a missing piece or count is a MalformedEntityError. */
export function joinPieces(e: StoredEntity): string {
  const { pieces } = parse(piecesShape, e);
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const p = e[`p${i}`];
    if (typeof p !== 'string') throw new MalformedEntityError(e.partitionKey, e.rowKey, `piece ${i} missing`);
    text += p;
  }
  return text;
}
