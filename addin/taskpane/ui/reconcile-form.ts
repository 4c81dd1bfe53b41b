// 名册核对: this year's 名册 against last year's organizations, as the county confirms it in the
// campaign form — suggested renames and merges (ticked as the server suggests), names listed by two
// townships (given to one, or two organizations), the new ones, and last year's not listed again
// (recorded as dissolved unless a ticked rename or merge claims them).
import type { RosterProposalData } from '../../../shared/api/contract';
import { newEntries, renameKey, townshipName, type ReconcileChoices } from '../model/reconcile';
import { h } from './dom';

export interface ReconcileHandlers {
  toggleRename(key: string): void;
  toggleMerge(ref: string): void;
  chooseTwice(name: string, townshipId: string): void;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function reconcileForm(p: RosterProposalData, c: ReconcileChoices, handlers: ReconcileHandlers): HTMLElement {
  const tw = (id: string) => townshipName(p, id);
  const renames = p.renames.filter((r) => c.renames.includes(renameKey(r)));
  const merges = p.merges.filter((m) => c.merges.includes(m.ref));
  const claimed = new Set([...renames.map((r) => r.fromId), ...merges.flatMap((m) => m.fromIds)]);
  const created = newEntries(p, c);
  const box = (id: string, checked: boolean, label: string, run: () => void) =>
    h('label', { className: 'choice', for: id }, h('input', { type: 'checkbox', id, checked, onchange: run }), label);
  const entryName = (ref: string) => p.entries.find((e) => e.ref === ref);
  const parts: Array<HTMLElement | null> = [
    h('legend', {}, '名册核对（与上一年度相比）'),
    p.renames.length ? h('h4', {}, '可能改名（勾选即视为同一党组织，整改台账和等次接续）') : null,
    ...p.renames.map((r, k) => box(`rc-rename-${k}`, c.renames.includes(renameKey(r)), `${tw(r.fromTownshipId)}“${r.fromName}” → ${tw(r.toTownshipId)}“${r.toName}”（相似度 ${pct(r.score)}）`, () => handlers.toggleRename(renameKey(r)))),
    p.merges.length ? h('h4', {}, '可能合并') : null,
    ...p.merges.map((m, k) => box(`rc-merge-${k}`, c.merges.includes(m.ref), `“${m.fromNames.join('”“')}” 合并为 ${tw(m.toTownshipId)}“${m.toName}”`, () => handlers.toggleMerge(m.ref))),
    p.twice.length ? h('h4', {}, '两个乡镇（街道）都列出的党组织') : null,
    ...p.twice.map((t, k) => h('fieldset', { className: 'choices', 'data-twice': t.name },
      h('legend', {}, `“${t.name}”`),
      ...[...t.townshipIds, ''].map((id) => h('label', { className: 'choice', for: `rc-twice-${k}-${id || 'distinct'}` },
        h('input', { type: 'radio', name: `rc-twice-${k}`, id: `rc-twice-${k}-${id || 'distinct'}`, checked: (c.twice[t.name] ?? '') === id, onchange: () => handlers.chooseTwice(t.name, id) }),
        id ? `属于${tw(id)}` : '是两个不同的党组织')),
    )),
    created.length ? h('h4', {}, `新增的党组织（${created.length} 个）`) : null,
    created.length ? h('p', { className: 'hint', id: 'rc-created' }, created.map((ref) => entryName(ref)).map((e) => (e ? `${tw(e.townshipId)}“${e.name}”` : '')).filter(Boolean).join('、')) : null,
    p.missing.length ? h('h4', {}, '上一年度有、今年名册中没有的党组织（未勾选改名或合并的，记为撤销）') : null,
    p.missing.length ? h('ul', { className: 'plain', id: 'rc-missing' }, ...p.missing.map((m) => h('li', { 'data-org': m.name }, `${tw(m.townshipId)}“${m.name}”：${claimed.has(m.id) ? '改名或合并（见上）' : '记为撤销'}`))) : null,
  ];
  return h('fieldset', { className: 'choices', id: 'cf-reconcile-box' }, ...parts);
}
