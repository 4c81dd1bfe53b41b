import type { Verdict } from '../state';

/** A verdict line beside the buttons it is about; errors are announced at once (role=alert). */
export function renderVerdict(el: HTMLElement, v: Verdict | null): void {
  el.className = v ? `status-line ${v.tone}` : 'status-line';
  el.setAttribute('role', v?.tone === 'error' ? 'alert' : 'status');
  el.textContent = v?.text ?? '';
}
