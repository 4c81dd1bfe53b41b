// The page's own confirmation dialog (never window.confirm: its buttons speak the browser's
// language and Office blocks it in the task pane). Modal: the rest of the page is inert while it
// is open; Esc or 取消 says no; focus returns to the control that asked.
import type { ConfirmPort } from '../ports';
import { h } from '../ui/dom';

export function pageConfirm(): ConfirmPort {
  return {
    ask(q) {
      return new Promise<boolean>((resolve) => {
        const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const main = document.querySelector('main');
        const done = (yes: boolean) => {
          overlay.remove();
          main?.removeAttribute('inert');
          before?.focus();
          resolve(yes);
        };
        const ok = h('button', { type: 'button', id: 'dialog-ok', className: q.danger ? 'primary danger' : 'primary', onclick: () => done(true) }, q.ok);
        const box = h('div', { className: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dialog-title', 'aria-describedby': 'dialog-text' },
          h('h2', { id: 'dialog-title' }, q.title),
          h('p', { id: 'dialog-text' }, q.text),
          h('div', { className: 'row dialog-actions' }, ok, h('button', { type: 'button', id: 'dialog-cancel', onclick: () => done(false) }, '取消')),
        );
        const overlay = h('div', { className: 'dialog-overlay', id: 'dialog' }, box);
        overlay.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') done(false);
        });
        main?.setAttribute('inert', '');
        document.body.append(overlay);
        ok.focus();
      });
    },
  };
}
