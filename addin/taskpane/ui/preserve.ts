// Views redraw whole regions; a comment being typed (and the focus) must survive that.
/** Runs `redraw` on `root`, then puts back the values of its text fields and the focus, by id. */
export function redrawKeeping(root: HTMLElement, redraw: () => void): void {
  const values = new Map<string, string>();
  root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea[id], input[type=text][id]').forEach((el) => values.set(el.id, el.value));
  const active = document.activeElement;
  const focusedId = active instanceof HTMLElement && root.contains(active) ? active.id : '';
  redraw();
  for (const [id, value] of values) {
    const el = document.getElementById(id);
    if ((el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) && root.contains(el)) el.value = value;
  }
  if (focusedId) document.getElementById(focusedId)?.focus();
}
