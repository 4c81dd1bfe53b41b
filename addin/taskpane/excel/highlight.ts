// Paints the cells that have issues and puts the old fill back afterwards. What was painted,
// and what each cell looked like before, is remembered in a store (the document's settings in
// Excel), so 清除标记 still works after the pane was closed and reopened.
import { isA1, type CellRef } from './address';
import { existingSheets } from './sheets';

export const FILL = { error: '#FDE7E9', warning: '#FFF4CE', info: '#DEECF9' } as const;
export type Level = keyof typeof FILL;

export interface HighlightTarget extends CellRef {
  severity: Level;
}

export interface Painted {
  sheet: string;
  cell: string;
  /** The fill before painting; null when the cell had none (or several, in a range). */
  before: string | null;
}

export interface HighlightStore {
  load(): Promise<Painted[]>;
  save(painted: Painted[]): Promise<void>;
}

export function memoryStore(initial: Painted[] = []): HighlightStore {
  let kept = initial.slice();
  return {
    load: async () => kept.slice(),
    save: async (p) => {
      kept = p.slice();
    },
  };
}

/** Keeps the list in the workbook itself, because the highlights live there too. */
export function documentSettingsStore(key = 'gradingDesk.highlights'): HighlightStore {
  return {
    async load() {
      const raw: unknown = Office.context.document.settings.get(key);
      return Array.isArray(raw) ? (raw as Painted[]) : [];
    },
    save(painted) {
      Office.context.document.settings.set(key, painted);
      return new Promise((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
    },
  };
}

// Excel reports "no fill" as white; putting white back would leave a visible fill on
// gridlines, so white is restored by clearing.
const NO_FILL = new Set(['#FFFFFF', '#ffffff', 'white']);

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** One target per cell, the most severe winning, in first-seen order. */
export function uniqueTargets(targets: readonly HighlightTarget[]): Array<HighlightTarget & { cell: string }> {
  const byKey = new Map<string, HighlightTarget & { cell: string }>();
  for (const t of targets) {
    if (!isA1(t.cell)) continue;
    const cell = t.cell.trim().toUpperCase();
    const key = `${t.sheet}!${cell}`;
    const seen = byKey.get(key);
    if (!seen || RANK[t.severity] < RANK[seen.severity]) byKey.set(key, { ...t, cell });
  }
  return [...byKey.values()];
}

export interface HighlightResult {
  painted: number;
  /** Targets on sheets the workbook does not have, or without a cell address. */
  skipped: number;
}

export async function highlightCells(targets: readonly HighlightTarget[], store: HighlightStore): Promise<HighlightResult> {
  await clearHighlights(store);
  const unique = uniqueTargets(targets);
  const painted: Painted[] = await Excel.run(async (context) => {
    const names = await existingSheets(context, unique.map((t) => t.sheet));
    const todo = unique
      .filter((t) => names.has(t.sheet))
      .map((t) => {
        const range = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
        range.load('format/fill/color');
        return { t, range };
      });
    await context.sync();
    const out: Painted[] = todo.map(({ t, range }) => {
      const before = range.format.fill.color;
      range.format.fill.color = FILL[t.severity];
      return { sheet: t.sheet, cell: t.cell, before: typeof before === 'string' && !NO_FILL.has(before) ? before : null };
    });
    await context.sync();
    return out;
  });
  await store.save(painted);
  return { painted: painted.length, skipped: targets.length - painted.length };
}

/** Puts back what highlightCells changed; returns how many cells were restored. */
export async function clearHighlights(store: HighlightStore): Promise<number> {
  const painted = await store.load();
  if (painted.length === 0) return 0;
  const restored = await Excel.run(async (context) => {
    const names = await existingSheets(context, painted.map((p) => p.sheet));
    let n = 0;
    // Reverse order, so where ranges overlap the earliest "before" is the one left standing.
    for (const p of [...painted].reverse()) {
      if (!names.has(p.sheet) || !isA1(p.cell)) continue;
      const fill = context.workbook.worksheets.getItem(p.sheet).getRange(p.cell).format.fill;
      if (p.before === null) fill.clear();
      else fill.color = p.before;
      n++;
    }
    await context.sync();
    return n;
  });
  await store.save([]);
  return restored;
}
