// 晋位升级: per township and for the county, last year's organizations of each target grade
// (较差, 一般), how many moved up this year, the share against the target and those that did not.
import type { Targets } from '../../../shared/api/contract';
import { percentBeside, percentCap } from '../../../shared/quota/format';
import { h } from './dom';

type Scope = Targets['county'];
type Line = Scope['lines'][number];

/** A grade key → its label in the campaign's standard. */
export type GradeLabel = (key: string) => string;

/** Those that did not move up, with this year's grade, or 未定级 while they have none. */
function notMoved(l: Line, label: GradeLabel): string {
  return l.notMoved.map((o) => `${o.nowName ?? o.name}（${o.after ? label(o.after) : '未定级'}）`).join('、') || '—';
}

function lineCells(l: Line, label: GradeLabel): HTMLElement[] {
  return [
    h('td', {}, l.gradeLabel),
    h('td', { className: 'num' }, String(l.base)),
    h('td', { className: 'num' }, String(l.movedUp)),
    // The share reads on its side of the target: 1,999 of 10,000 is 19.99%, not 20% beside 20%.
    h('td', { className: 'num' }, l.share === null ? '—' : percentBeside(l.share, l.target).replace(/\.0%$/, '%')),
    h('td', { className: 'num' }, percentCap(l.target)),
    h('td', {}, h('span', { className: `badge ${l.met ? 'accepted' : 'late'}` }, l.met ? '已达到' : `还差 ${l.needed} 个`)),
    h('td', { className: 'wrap' }, notMoved(l, label)),
  ];
}

function scopeRows(s: Scope, county: boolean, label: GradeLabel): HTMLElement[] {
  const lines = s.lines.filter((l) => l.base > 0 || county);
  return lines.map((l, k) => h('tr', { className: county ? 'current' : undefined, 'data-scope': s.townshipId ?? 'county', 'data-grade': l.grade },
    ...(k === 0 ? [h('th', { scope: 'row', rowspan: lines.length }, s.label)] : []),
    ...lineCells(l, label)));
}

/** `previous`: how last year's campaign is named (its year and county, when the switcher knows it). */
export function targetsTable(t: Targets, label: GradeLabel, previous: string): HTMLElement {
  return h('div', {},
    h('p', { className: 'hint', id: 'targets-basis' }, `与上一年度（${previous}${t.previousLookbackId ? '，按回头看调整后的等次' : ''}）比较；本年度等次取各乡镇（街道）已上报或已通过的版本。`),
    t.complete ? null : h('p', { className: 'summary warning', id: 'targets-incomplete' }, '还有上年度的党组织本年度尚未定级，比例会随上报变化。'),
    h('div', { className: 'table-wrap' },
      h('table', { className: 'county rows', id: 'targets-table' },
        h('thead', {}, h('tr', {}, ...['范围', '上年等次', '上年个数', '晋位升级', '比例', '目标', '是否达到', '未晋位升级的党组织'].map((c, k) => h('th', { scope: 'col', className: k >= 2 && k <= 5 ? 'num' : undefined }, c)))),
        h('tbody', {}, ...scopeRows(t.county, true, label), ...t.townships.flatMap((s) => scopeRows(s, false, label))),
      )),
  );
}
