// The forms of a ledger item's steps, in the page (never the browser's prompt): 申请销号 asks
// 完成情况 and 完成日期; 退回 and 复号 ask a comment. What is missing is said under its field.
import type { Item, StepInput } from '../model/ledger';
import type { LedgerState } from '../slices';
import { h } from './dom';

export interface LedgerFormHandlers {
  submit(itemId: string, input: StepInput): void;
  cancel(): void;
}

const note = (id: string, field: string, form: NonNullable<LedgerState['form']>) =>
  h('p', { className: 'field-note error', id, role: 'alert' }, form.note?.field === field ? form.note.text : '');

export function ledgerForm(item: Item, form: NonNullable<LedgerState['form']>, busy: boolean, handlers: LedgerFormHandlers): HTMLFormElement {
  const id = item.id;
  const fields: Array<Node> = [];
  let read: () => StepInput;
  let submitLabel: string;
  if (form.step === 'request') {
    const progress = h('textarea', { id: `lp-${id}`, maxlength: 500, 'aria-required': 'true', 'aria-describedby': `lpn-${id}` });
    progress.value = item.progress;
    const date = h('input', { type: 'text', id: `ld-${id}`, maxlength: 50, placeholder: '如 2026-06-30 或 2026年6月30日', 'aria-required': 'true', 'aria-describedby': `ldn-${id}` });
    if (item.completedOn) date.value = item.completedOn;
    fields.push(
      h('label', { for: progress.id }, `完成情况（${item.orgName}）`), progress, note(`lpn-${id}`, 'progress', form),
      h('label', { for: date.id }, '完成日期'), date, note(`ldn-${id}`, 'completedOn', form),
    );
    read = () => ({ progress: progress.value, completedOn: date.value });
    submitLabel = '提交销号申请';
  } else {
    const label = form.step === 'reject' ? `退回意见（${item.orgName}）` : `复号原因（${item.orgName}）`;
    const comment = h('textarea', { id: `lc-${id}`, maxlength: 2000, 'aria-required': 'true', 'aria-describedby': `lcn-${id}` });
    fields.push(h('label', { for: comment.id }, label), comment, note(`lcn-${id}`, 'comment', form));
    read = () => ({ comment: comment.value });
    submitLabel = form.step === 'reject' ? '确认退回' : '确认复号';
  }
  const el = h('form', { className: 'return-form ledger-form', id: `lf-${id}`, novalidate: true },
    ...fields,
    h('div', { className: 'row' },
      h('button', { type: 'submit', className: 'primary', disabled: busy }, submitLabel),
      h('button', { type: 'button', onclick: () => handlers.cancel() }, '取消'),
    ),
  );
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    handlers.submit(id, read());
  });
  return el;
}
