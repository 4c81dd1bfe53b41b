// The county's view: who has reported, late, quota verdicts; accept or return with a comment.
import type { Completeness, ReviewAction } from '../../../shared/api/contract';
import { h } from './dom';
import { formatTime, STATE_LABEL } from './labels';

type Row = Completeness['townships'][number];

export interface CountyHandlers {
  review(townshipId: string, action: ReviewAction): Promise<void>;
}

function actions(row: Row, handlers: CountyHandlers): HTMLElement {
  const box = h('div');
  // A review names the version the county looked at (required by the server); nothing to review without one.
  const version = row.currentVersion;
  if (version === null) return box;
  // One decision at a time: the card's buttons stay disabled until the list is redrawn.
  const send = (action: ReviewAction) => {
    box.querySelectorAll('button').forEach((b) => (b.disabled = true));
    void handlers.review(row.id, action).finally(() => box.querySelectorAll('button').forEach((b) => (b.disabled = false)));
  };
  const buttons = h('div', { className: 'row' });
  const act = (label: string, action: ReviewAction['action'], primary = false) =>
    h('button', {
      type: 'button',
      className: primary ? 'primary' : undefined,
      'aria-label': `${label}：${row.name}`,
      onclick: () => send({ action, version }),
    }, label);

  if (row.state === 'submitted') {
    buttons.append(act('通过', 'accept', true));
    const form = h('form', { className: 'return-form', hidden: true });
    const id = `comment-${row.id}`;
    const text = h('textarea', { id, maxlength: 2000, required: true });
    const toggle = h('button', {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': `form-${row.id}`,
      'aria-label': `退回：${row.name}`,
      onclick: () => {
        form.hidden = !form.hidden;
        toggle.setAttribute('aria-expanded', String(!form.hidden));
        if (!form.hidden) text.focus();
      },
    }, '退回');
    form.id = `form-${row.id}`;
    const why = h('p', { className: 'hint', role: 'alert' });
    form.append(
      h('label', { for: id }, `退回意见（${row.name}）`),
      text,
      why,
      h('div', { className: 'row' }, h('button', { type: 'submit', className: 'primary' }, '确认退回'), h('button', { type: 'button', onclick: () => { form.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus(); } }, '取消')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const comment = text.value.trim();
      if (!comment) {
        why.textContent = '请填写退回意见，乡镇据此修改。';
        text.focus();
        return;
      }
      send({ action: 'return', comment, version });
    });
    buttons.append(toggle);
    box.append(buttons, form);
  } else if (row.state === 'accepted') {
    buttons.append(act('重新开放', 'reopen'));
    box.append(buttons);
  }
  return box;
}

export function renderCompleteness(list: HTMLElement, totals: HTMLElement, c: Completeness, handlers: CountyHandlers): void {
  const t = c.totals;
  totals.replaceChildren(
    h('span', { className: 'badge accepted' }, `已通过 ${t.accepted}`),
    h('span', { className: 'badge submitted' }, `待审核 ${t.submitted}`),
    h('span', { className: 'badge returned' }, `已退回 ${t.returned}`),
    h('span', { className: 'badge missing' }, `未上报 ${t.missing}`),
    ...(t.late ? [h("span", { className: "badge late" }, `逾期 ${t.late}`)] : []),
  );
  list.replaceChildren(
    ...c.townships.map((row) =>
      h('li', { className: 'tw', 'data-township': row.id },
        h('div', {},
          h('span', { className: 'name' }, row.name),
          h('span', { className: `badge ${row.state}` }, STATE_LABEL[row.state]),
          row.late ? h('span', { className: 'badge late' }, '逾期') : null,
        ),
        row.currentVersion ? h('p', { className: 'hint' }, `第 ${row.currentVersion} 版 · ${formatTime(row.receivedAt)}`) : null,
        row.quota ? h('p', { className: row.quota.ok ? 'hint quota-ok' : 'hint quota-bad' }, row.quota.summary) : null,
        row.comment ? h('p', { className: 'comment' }, `意见：${row.comment}`) : null,
        actions(row, handlers),
      ),
    ),
  );
}
