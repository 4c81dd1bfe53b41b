// The review buttons of one township, the same in the cards and in the table.
import type { ReviewAction } from '../../../shared/api/contract';
import type { CountyFilter, CountyRow, SortKey } from '../model/county-table';
import { h } from './dom';

export interface CountyHandlers {
  review(townshipId: string, action: ReviewAction): void;
  /** Opens the township's version: rows, diff, file. */
  view(townshipId: string, version: number): void;
  startReturn(townshipId: string | null): void;
  sortBy(key: SortKey): void;
  filter(f: CountyFilter): void;
}

export interface RowContext {
  /** A review of this township is on its way. */
  pending: boolean;
  /** Its return form is open. */
  returning: boolean;
}

export function reviewButtons(row: CountyRow, ctx: RowContext, handlers: CountyHandlers): HTMLElement {
  const version = row.version;
  const box = h('div', { className: 'row actions' });
  // Nothing uploaded: nothing to review (a review always names the version the county saw).
  if (version === null) return box;
  box.append(h('button', { type: 'button', 'aria-label': `查看：${row.name}`, onclick: () => handlers.view(row.id, version) }, '查看'));
  const act = (label: string, action: ReviewAction['action'], primary = false) =>
    h('button', {
      type: 'button',
      className: primary ? 'primary' : undefined,
      'aria-label': `${label}：${row.name}`,
      disabled: ctx.pending,
      onclick: () => handlers.review(row.id, { action, version }),
    }, label);
  if (row.state === 'submitted') {
    box.append(
      act('通过', 'accept', true),
      h('button', {
        type: 'button',
        'aria-expanded': String(ctx.returning),
        'aria-controls': `form-${row.id}`,
        'aria-label': `退回：${row.name}`,
        disabled: ctx.pending,
        onclick: () => handlers.startReturn(ctx.returning ? null : row.id),
      }, '退回'),
    );
  } else if (row.state === 'accepted') {
    box.append(act('重新开放', 'reopen'));
  }
  return box;
}
