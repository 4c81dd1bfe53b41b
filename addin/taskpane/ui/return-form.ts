// The county's return form: a required comment, checked by the page (a Chinese sentence, never
// the browser's own bubble), then sent with the version the county looked at.
import { h } from './dom';

export interface ReturnFormHandlers {
  submit(comment: string): void;
  cancel(): void;
}

export function returnForm(id: string, name: string, busy: boolean, handlers: ReturnFormHandlers): HTMLFormElement {
  const textId = `comment-${id}`;
  const text = h('textarea', { id: textId, maxlength: 2000, 'aria-required': 'true', 'aria-describedby': `why-${id}` });
  const why = h('p', { className: 'hint why', id: `why-${id}`, role: 'alert' });
  const form = h('form', { className: 'return-form', id: `form-${id}`, novalidate: true },
    h('label', { for: textId }, `退回意见（${name}）`),
    text,
    why,
    h('div', { className: 'row' },
      h('button', { type: 'submit', className: 'primary', disabled: busy }, '确认退回'),
      h('button', { type: 'button', onclick: () => handlers.cancel() }, '取消'),
    ),
  );
  text.addEventListener('input', () => {
    if (text.value.trim()) why.textContent = '';
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const comment = text.value.trim();
    if (!comment) {
      why.textContent = '请填写退回意见，乡镇据此修改。';
      text.focus();
      return;
    }
    handlers.submit(comment);
  });
  return form;
}
