// 回头看: each regraded organization before and after, with the move and why; an upgrade whose
// rectification is not 销号 is flagged (成效不显著不得晋位升级); who has not regraded yet.
import type { Lookback } from '../../../shared/api/contract';
import { h } from './dom';

const MOVE: Readonly<Record<Lookback['rows'][number]['move'], string>> = { up: '晋位', down: '降级', same: '不变', new: '新增' };

export function lookbackTable(l: Lookback): HTMLElement {
  const flagged = l.rows.filter((r) => r.flagged).length;
  const down = l.rows.filter((r) => r.move === 'down').length;
  return h('div', {},
    h('p', { className: 'summary', id: 'lookback-summary' }, `已重新评定 ${l.rows.length} 个党组织，降级 ${down} 个${flagged ? `，${flagged} 个晋位但整改事项未销号` : ''}。`),
    l.pendingTownships.length ? h('p', { className: 'hint' }, `尚未上报：${l.pendingTownships.join('、')}`) : null,
    h('div', { className: 'table-wrap' },
      h('table', { className: 'county rows', id: 'lookback-table' },
        h('thead', {}, h('tr', {}, ...['乡镇（街道）', '党组织', '原等次', '回头看等次', '变化', '说明'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...l.rows.map((r) => h('tr', { 'data-org': r.name },
          h('td', {}, r.townshipName),
          h('th', { scope: 'row' }, r.name),
          h('td', {}, r.beforeLabel),
          h('td', {}, r.afterLabel),
          h('td', {}, h('span', { className: `badge ${r.move === 'down' ? 'late' : r.move === 'up' ? 'accepted' : 'missing'}` }, MOVE[r.move])),
          h('td', { className: 'wrap' },
            r.flagged ? h('span', { className: 'badge returned' }, `成效不显著不得晋位升级（${r.unclosed} 项未销号）`) : null,
            r.reasons.join('；')),
        ))),
      )),
    l.notRegraded.length ? h('p', { className: 'hint', id: 'lookback-not-regraded' }, `未重新评定：${l.notRegraded.map((o) => `${o.townshipName}${o.name}（${o.gradeLabel}）`).join('、')}`) : null,
  );
}
