// 晋位升级情况 / 回头看前后对比: fills #year-after-section for the county when the open campaign has
// a predecessor or is a 回头看; hidden otherwise.
import { gradeByKey } from '../../../shared/scheme/lookup';
import type { YearAfterController } from '../controllers/year-after';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { lookbackTable } from '../ui/lookback';
import { renderVerdict } from '../ui/status-line';
import { targetsTable } from '../ui/targets';

export function yearAfterView(store: Store<AppState>, ctl: YearAfterController): void {
  const section = byId('year-after-section');
  const title = h('h2', { id: 'year-after-h' }, '晋位升级情况');
  const refresh = h('button', { type: 'button', id: 'refresh-year-after', 'aria-label': '刷新晋位升级或回头看', onclick: () => void ctl.refresh() }, '刷新');
  const verdict = h('p', { id: 'year-after-status', className: 'status-line', role: 'status', 'aria-live': 'polite' });
  const content = h('div', { id: 'year-after-content' });
  section.setAttribute('aria-labelledby', 'year-after-h');
  section.replaceChildren(h('div', { className: 'row head' }, title, refresh), verdict, content);

  const render = (s: AppState, prev: AppState | null) => {
    const y = s.yearAfter;
    if (prev && y === prev.yearAfter && s.busy === prev.busy && s.connection === prev.connection && s.campaigns.list === prev.campaigns.list) return;
    const c = s.connection.campaign;
    const applies = s.connection.me?.role === 'county' && !!c && (c.kind === 'lookback' || !!c.previousId);
    section.hidden = !applies;
    refresh.disabled = !!s.busy.yearAfter;
    title.textContent = c?.kind === 'lookback' ? '回头看前后对比' : '晋位升级情况';
    renderVerdict(verdict, y.verdict);
    if (prev && y.targets === prev.yearAfter.targets && y.lookback === prev.yearAfter.lookback && s.campaigns.list === prev.campaigns.list) return;
    const scheme = s.connection.scheme.scheme;
    const label = (key: string) => gradeByKey(scheme, key)?.label ?? key;
    const t = y.targets;
    const before = t ? s.campaigns.list?.find((x) => x.id === t.previousId) : undefined;
    const previous = before ? `${before.year} 年度` : (t?.previousId ?? '');
    content.replaceChildren(...(y.lookback ? [lookbackTable(y.lookback)] : []), ...(t ? [targetsTable(t, label, previous)] : []));
  };
  render(store.get(), null);
  store.subscribe(render);
}
