// How a controller runs an action: the button's busy flag on, failures turned into one Chinese
// line beside the control the clerk used. A clerk never sees a stack trace or English.
import { ApiError } from '../api/client';
import { SheetConflictError } from '../excel/insert-sheets';
import { ReadFileError } from '../excel/read-file';
import { patchSlice, type AppState, type BusyKey, type Store, type Verdict } from '../state';

/** Chinese text for anything thrown. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError || e instanceof ReadFileError || e instanceof SheetConflictError) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  if (/protect/i.test(msg) || /保护/.test(msg)) return '工作表受保护，Excel 不允许修改。请撤销工作表保护后重试。';
  // Office answers in its UI language: its own words only when they are Chinese, else its error
  // code (for support), never English prose.
  const code = typeof (e as { code?: unknown } | null)?.code === 'string' ? (e as { code: string }).code : null;
  if (/[\u4e00-\u9fff]/.test(msg)) return `操作未完成：${msg.split('\n')[0]?.slice(0, 120) ?? ''}`;
  return `操作未完成，请重试。${code ? `如仍不行，请把代码 ${code} 告诉县委组织部。` : ''}`;
}

/**
 * A failure about one township, led by its name: “西河乡：…”, unless the message already names it
 * (REVIEW_NOT_ALLOWED and REVIEW_CONFLICT quote it), which read “西河乡：“西河乡”当前状态为…”.
 */
export function aboutTownship(name: string, e: unknown): string {
  const text = errorText(e);
  return text.includes(`“${name}”`) ? text : `${name}：${text}`;
}

/** 401 during work: the token expired or was revoked while the page was open. */
export function isAuthLost(e: unknown): e is ApiError {
  return e instanceof ApiError && e.status === 401;
}

export const error = (text: string): Verdict => ({ text, tone: 'error' });
export const ok = (text: string): Verdict => ({ text, tone: 'ok' });
export const info = (text: string): Verdict => ({ text, tone: 'info' });
export const warning = (text: string): Verdict => ({ text, tone: 'warning' });

export function setBusy(store: Store<AppState>, key: BusyKey, on: boolean): void {
  store.set((s) => ({ busy: { ...s.busy, [key]: on } }));
}

export type OnAuthLost = (message: string) => void;

/**
 * Runs `fn` with `key` busy (a second click while busy does nothing). A failure becomes the
 * verdict `show` places; a 401 also ends the session through `onAuthLost`.
 */
export async function runAction(
  store: Store<AppState>,
  key: BusyKey,
  show: (v: Verdict) => void,
  fn: () => Promise<void>,
  onAuthLost?: OnAuthLost,
): Promise<void> {
  if (store.get().busy[key]) return;
  setBusy(store, key, true);
  try {
    await fn();
  } catch (e) {
    if (isAuthLost(e) && onAuthLost) onAuthLost(e.message);
    else show(error(errorText(e)));
  } finally {
    setBusy(store, key, false);
  }
}

/** A verdict placer for one slice's `verdict` field. */
export function verdictOf(store: Store<AppState>, slice: 'connection' | 'work' | 'township' | 'county'): (v: Verdict | null) => void {
  return (v) => patchSlice(store, slice, { verdict: v } as Partial<AppState[typeof slice]>);
}
