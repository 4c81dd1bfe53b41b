// The narrow task pane's county view: one card per township, in the campaign's order.
import { TOTALS_ORDER, type CountyTotals, type CountyRow } from '../model/county-table';
import { reviewButtons, type CountyHandlers } from './county-actions';
import { h } from './dom';
import { formatTime, STATE_LABEL, STATE_SHORT } from './labels';
import { returnForm } from './return-form';

export function totalsBadges(t: CountyTotals): HTMLElement[] {
  return [
    ...TOTALS_ORDER.map((s) => h('span', { className: `badge ${s}` }, `${STATE_SHORT[s]} ${t.byState[s]}`)),
    ...(t.late ? [h('span', { className: 'badge late' }, `逾期 ${t.late}`)] : []),
  ];
}

export function countyCards(rows: readonly CountyRow[], pending: readonly string[], returning: string | null, handlers: CountyHandlers): HTMLElement {
  return h('ul', { id: 'townships', className: 'plain' },
    ...rows.map((row) => {
      const ctx = { pending: pending.includes(row.id), returning: returning === row.id };
      return h('li', { className: 'tw', 'data-township': row.id },
        h('div', {},
          h('span', { className: 'name' }, row.name),
          h('span', { className: `badge ${row.state}` }, STATE_LABEL[row.state]),
          row.late ? h('span', { className: 'badge late' }, '逾期') : null,
        ),
        row.version ? h('p', { className: 'hint' }, `第 ${row.version} 版 · ${formatTime(row.receivedAt)}`) : null,
        row.quota ? h('p', { className: row.quota.ok ? 'hint quota-ok' : 'hint quota-bad' }, row.quota.summary) : null,
        row.comment ? h('p', { className: 'comment' }, `意见：${row.comment}`) : null,
        reviewButtons(row, ctx, handlers),
        ctx.returning && row.state === 'submitted'
          ? returnForm(row.id, row.name, ctx.pending, { submit: (comment) => row.version !== null && handlers.review(row.id, { action: 'return', comment, version: row.version }), cancel: () => handlers.startReturn(null) })
          : null,
      );
    }),
  );
}
