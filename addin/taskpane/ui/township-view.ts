// The township's receipt and its versions with the county's review state.
import type { Receipt, TownshipStatus } from '../../../shared/api/contract';
import { gradeByKey } from '../../../shared/scheme/lookup';
import type { Scheme } from '../../../shared/scheme/schema';
import type { Verdict } from '../state';
import { h } from './dom';
import { formatTime, shortHash, STATE_LABEL } from './labels';

function countsText(counts: Record<string, number>, scheme: Scheme): string {
  return Object.entries(counts)
    .map(([k, n]) => `${gradeByKey(scheme, k)?.label ?? k} ${n} 个`)
    .join('，');
}

/** `title`: what the upload meant (上报成功; for a duplicate, that nothing changed; for an older version's bytes, that it is current again). */
export function renderReceipt(target: HTMLElement, r: Receipt, scheme: Scheme, title: Verdict): void {
  const rows: Array<[string, Node | string]> = [
    ['版本', `第 ${r.version} 版`],
    ['收到时间', formatTime(r.receivedAt)],
    // In full: the clerk may read it to the county over the phone to prove which file arrived.
    ['内容摘要', h('code', { title: 'SHA-256', id: 'receipt-hash', className: 'hash' }, r.contentHash)],
    ['党组织', `${r.rows.orgs} 个；整改事项 ${r.rows.rectifications} 条`],
    ['等次', countsText(r.counts, scheme) || '—'],
    ['比例', h('span', { className: r.quota.ok ? 'quota-ok' : 'quota-bad' }, r.quota.summary)],
  ];
  const dl = h('dl', { className: 'receipt' });
  for (const [k, v] of rows) dl.append(h('dt', {}, k), h('dd', {}, v));
  target.replaceChildren(h('div', { className: `notice ${title.tone}`, id: 'receipt-title' }, title.text), dl);
}

export function renderStatus(target: HTMLElement, s: TownshipStatus): void {
  const head = h('p', {}, h('span', { className: `badge ${s.state}`, id: 'review-state' }, STATE_LABEL[s.state]), s.late ? h('span', { className: 'badge late' }, '逾期') : null);
  const parts: Node[] = [head];
  if (s.comment && s.state === 'returned') {
    parts.push(h('p', { className: 'comment', id: 'review-comment' }, `县委组织部退回意见：${s.comment}`));
    parts.push(h('p', { className: 'hint' }, '请按意见修改后重新检查、上报。'));
  } else if (s.comment) {
    parts.push(h('p', { className: 'hint', id: 'review-comment' }, `审核意见：${s.comment}`));
  }
  if (s.state === 'accepted') parts.push(h('p', { className: 'hint' }, '县委组织部已通过并锁定，如需修改请联系县委组织部重新开放。'));
  if (s.versions.length === 0) parts.push(h('p', { className: 'hint' }, '尚未上报。'));
  const ul = h('ul', { className: 'plain', id: 'versions' });
  for (const v of [...s.versions].sort((a, b) => b.version - a.version)) {
    const current = v.version === s.currentVersion;
    ul.append(
      h('li', { className: 'tw' },
        h('span', { className: 'name' }, `第 ${v.version} 版`),
        current ? h('span', { className: 'badge submitted' }, '当前') : null,
        h('p', { className: 'hint' }, `${formatTime(v.receivedAt)} · ${v.rows.orgs} 个党组织 · 摘要 `, h('span', { title: v.contentHash }, shortHash(v.contentHash))),
        h('p', { className: v.quota.ok ? 'hint quota-ok' : 'hint quota-bad' }, v.quota.summary),
      ),
    );
  }
  if (s.versions.length) parts.push(ul);
  target.replaceChildren(...parts);
}
