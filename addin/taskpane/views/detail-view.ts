// The open version of a township (查看): header, who filled it, quota, the diff to the previous
// version, the rows, the warnings it was accepted with, the original file, and the decision.
import type { ReviewDetailController } from '../controllers/review-detail';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { renderIssues } from '../ui/issue-list';
import { formatTime, STATE_LABEL } from '../ui/labels';
import { redrawKeeping } from '../ui/preserve';
import { returnForm } from '../ui/return-form';
import { renderVerdict } from '../ui/status-line';
import { diffView, infoList, rowsTable } from '../ui/version-detail';

export function detailView(store: Store<AppState>, ctl: ReviewDetailController, fileLabel: string): void {
  const section = byId('detail-section');
  const title = h('h2', { id: 'detail-h' }, '上报内容');
  const close = h('button', { type: 'button', id: 'detail-close', onclick: () => ctl.close() }, '关闭');
  const verdict = h('p', { id: 'detail-status', className: 'status-line', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { id: 'detail-body' });
  section.replaceChildren(h('div', { className: 'row head' }, title, close), verdict, body);
  section.setAttribute('aria-labelledby', 'detail-h');

  const render = (s: AppState, prev: AppState | null) => {
    const d = s.detail;
    // Redrawn only for what it shows: another card's busy flag would reset the rows' scroll.
    if (prev && d === prev.detail && s.busy.detail === prev.busy.detail && s.busy.versionFile === prev.busy.versionFile && s.county.data === prev.county.data && s.connection.me === prev.connection.me) return;
    section.hidden = !d.open || s.connection.me?.role !== 'county';
    if (!d.open) return;
    renderVerdict(verdict, d.verdict);
    const data = d.data && d.data.townshipId === d.open.townshipId && d.data.version === d.open.version ? d.data : null;
    const row = s.county.data?.townships.find((t) => t.id === d.open?.townshipId);
    title.textContent = `${data?.townshipName ?? row?.name ?? ''} · 第 ${d.open.version} 版`;
    const busy = !!s.busy.detail;
    redrawKeeping(body, () => {
      if (!data) return body.replaceChildren();
      const latest = row?.currentVersion ?? data.version;
      const versions = Array.from({ length: latest }, (_, i) => i + 1);
      const decide = data.current
        ? data.state === 'submitted'
          ? [
              h('button', { type: 'button', className: 'primary', id: 'detail-accept', disabled: busy, onclick: () => void ctl.accept() }, '通过'),
              h('button', { type: 'button', id: 'detail-return', 'aria-expanded': String(d.returning), disabled: busy, onclick: () => ctl.startReturn(!d.returning) }, '退回'),
            ]
          : data.state === 'accepted'
            ? [h('button', { type: 'button', id: 'detail-reopen', disabled: busy, onclick: () => void ctl.reopen() }, '重新开放')]
            : []
        : [];
      const parts: Array<Node | null> = [
        h('p', {},
          h('span', { className: `badge ${data.state}`, id: 'detail-state' }, data.current ? STATE_LABEL[data.state] : '不是当前版本'),
          h('span', { className: 'hint' }, `收到于 ${formatTime(data.receivedAt)}`),
        ),
        data.comment ? h('p', { className: 'comment' }, `退回意见：${data.comment}`) : null,
        versions.length > 1
          ? h('div', { className: 'filters', role: 'group', 'aria-label': '查看其他版本' },
              ...versions.map((v) => h('button', { type: 'button', 'aria-pressed': String(v === data.version), disabled: busy, onclick: () => void ctl.open(data.townshipId, v) }, `第 ${v} 版`)))
          : null,
        h('div', { className: 'row' }, ...decide, h('button', { type: 'button', id: 'detail-file', disabled: !!s.busy.versionFile, onclick: () => void ctl.file() }, fileLabel)),
        d.returning && data.current && data.state === 'submitted'
          ? returnForm(`detail-${data.townshipId}`, data.townshipName, busy, { submit: (c) => void ctl.sendBack(c), cancel: () => ctl.startReturn(false) })
          : null,
        infoList(data),
        diffView(data),
        rowsTable(data),
        data.warnings.length ? h('div', { id: 'detail-warnings' }) : null,
      ];
      body.replaceChildren(...parts.filter((p): p is Node => p !== null));
      const w = document.getElementById('detail-warnings');
      if (w) renderIssues(w, data.warnings, { title: '上报时的提醒', summaryId: 'detail-issue-summary', summaryText: `上报时有 ${data.warnings.length} 条提醒（不影响接收），请审核时留意。` });
    });
    // Opened from the table below or above: brought into view at once.
    if (prev && prev.detail.open !== d.open) section.scrollIntoView({ block: 'start' });
  };
  render(store.get(), null);
  store.subscribe(render);
}
