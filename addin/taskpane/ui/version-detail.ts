// A township's version as the county reviews it: who filled it, the quota verdict, what changed
// since the previous version (added, removed, changed fields before → after), and its rows with
// the changed ones marked. Pure DOM building from the version answer.
import type { VersionDetail } from '../../../shared/api/contract';
import { h } from './dom';
import { formatTime, shortHash } from './labels';

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(Math.round(n * 100) / 100));

export function infoList(d: VersionDetail): HTMLElement {
  const rows: Array<[string, Node | string]> = [
    ['填报单位', d.info.township || d.townshipName],
    ['填报人', d.info.filledBy || '—'],
    ['联系电话', d.info.phone || '—'],
    ['填报日期', d.info.filledOn ?? '—'],
    ['收到时间', formatTime(d.receivedAt)],
    ['党组织', `${d.orgs.length} 个；整改事项 ${d.rectifications.length} 条`],
    ['等次', Object.entries(d.counts).map(([g, n]) => `${g} ${n} 个`).join('，') || '—'],
    ['比例', h('span', { className: d.quota.ok ? 'quota-ok' : 'quota-bad', id: 'detail-quota' }, d.quota.summary)],
    ['内容摘要', h('code', { className: 'hash', title: d.contentHash }, shortHash(d.contentHash))],
  ];
  const dl = h('dl', { className: 'receipt', id: 'detail-info' });
  for (const [k, v] of rows) dl.append(h('dt', {}, k), h('dd', {}, v));
  return dl;
}

export function diffView(d: VersionDetail): HTMLElement {
  const diff = d.diff;
  if (!diff) return h('div', { id: 'detail-diff', className: 'diff' }, h('h3', {}, '与上一版相比'), h('p', { className: 'hint' }, '这是第 1 版，没有可比较的上一版。'));
  const { added, removed, changed, unchanged, rectifications: r } = diff;
  const none = !added.length && !removed.length && !changed.length && !r.added.length && !r.removed.length && !r.changed.length;
  const items: HTMLElement[] = [
    ...added.map((a) => h('li', { className: 'diff-added' }, h('strong', {}, '新增 '), `${a.name}（第 ${a.row} 行，${num(a.total)} 分，${a.gradeLabel}）`)),
    ...removed.map((a) => h('li', { className: 'diff-removed' }, h('strong', {}, '删除 '), h('s', {}, a.name), `（原第 ${a.row} 行，${num(a.total)} 分，${a.gradeLabel}）`)),
    ...changed.map((c) => h('li', { className: 'diff-changed' },
      h('strong', {}, '修改 '), `${c.name}（第 ${c.row} 行）：`,
      ...c.changes.flatMap((ch, i) => [i ? '；' : '', `${ch.label} `, h('del', {}, ch.before || '（空）'), ' → ', h('ins', {}, ch.after || '（空）')]),
    )),
  ];
  const rect = [
    r.added.length ? `新增整改事项：${r.added.join('、')}` : '',
    r.removed.length ? `删除整改事项：${r.removed.join('、')}` : '',
    r.changed.length ? `整改事项有改动：${r.changed.join('、')}` : '',
  ].filter(Boolean);
  return h('div', { id: 'detail-diff', className: 'diff' },
    h('h3', {}, `与第 ${diff.previousVersion} 版相比`),
    h('p', { className: 'hint', id: 'diff-summary' }, none ? '党组织和整改事项都没有变化。' : `新增 ${added.length} 个、删除 ${removed.length} 个、修改 ${changed.length} 个党组织；${unchanged} 个未变。`),
    items.length ? h('ul', { className: 'plain diff-list' }, ...items) : null,
    ...rect.map((t) => h('p', { className: 'diff-changed' }, t)),
  );
}

/** The rows; a row added or changed since the previous version is marked, and so is each changed cell. */
export function rowsTable(d: VersionDetail): HTMLElement {
  const added = new Set(d.diff?.added.map((a) => a.name) ?? []);
  const changed = new Map((d.diff?.changed ?? []).map((c) => [c.name, new Set(c.changes.map((x) => x.field))] as const));
  const cell = (text: string, field: string, fields: Set<string> | undefined, cls = '') => h('td', { className: `${cls}${fields?.has(field) ? ' cell-changed' : ''}`.trim() || undefined }, text);
  const body = d.orgs.map((o) => {
    const f = changed.get(o.name);
    return h('tr', { className: added.has(o.name) ? 'row-added' : f ? 'row-changed' : undefined, 'data-org': o.name },
      h('td', { className: 'num' }, String(o.row)),
      h('th', { scope: 'row' }, o.name),
      cell(o.categoryName, 'category', f),
      ...d.indicators.map((ind, i) => cell(num(o.scores[i]), `score:${ind.key}`, f, 'num')),
      cell(num(o.total), 'total', f, 'num'),
      cell(o.gradeLabel, 'grade', f),
      cell(o.explanation, 'explanation', f, 'wrap'),
    );
  });
  return h('div', { className: 'table-wrap' },
    h('table', { className: 'county rows', id: 'detail-rows' },
      h('caption', { className: 'hint' }, `${d.orgs.length} 个党组织${d.diff ? '；有底色的行与上一版不同' : ''}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', className: 'num' }, '行'),
        h('th', { scope: 'col' }, '党组织名称'),
        h('th', { scope: 'col' }, '类别'),
        ...d.indicators.map((ind) => h('th', { scope: 'col', className: 'num', title: `${ind.name}（满分 ${ind.max}）` }, ind.name)),
        h('th', { scope: 'col', className: 'num' }, '总分'),
        h('th', { scope: 'col' }, '等次'),
        h('th', { scope: 'col' }, '情况说明'),
      )),
      h('tbody', {}, ...body),
    ),
  );
}
