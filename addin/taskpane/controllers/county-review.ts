// The county's review: who has reported, sorting and filtering the table, accept (after the
// page's own confirmation) / return / reopen, 全部通过 for every township waiting with the version
// the table shows, and the consolidated workbook. A township's rows and diff are review-detail's.
import { consolidatedFileName } from '../../../shared/consolidate/titles';
import type { ReviewAction } from '../../../shared/api/contract';
import { acceptCaveat, bulkAcceptCaveat } from '../model/accept-caveat';
import { reopenQuestion } from '../model/reopen-question';
import { nextSort, type CountyFilter, type SortKey } from '../model/county-table';
import type { ConfirmPort, ExcelPort, FilePort, Session } from '../ports';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { ACTION_DONE } from '../ui/labels';
import { aboutTownship, error, errorText, info, isAuthLost, ok, runAction, type OnAuthLost } from './feedback';

export interface CountyReviewDeps {
  excel: ExcelPort | null;
  files: FilePort;
  confirm: ConfirmPort;
}

export class CountyReviewController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: CountyReviewDeps,
    private readonly session: Session,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => patchSlice(this.store, 'county', { verdict: v });

  /** Throws, for the connection step to judge. */
  async load(): Promise<void> {
    const api = this.session.api;
    const { me, campaign } = this.store.get().connection;
    const campaignId = campaign?.id;
    if (!api || me?.role !== 'county' || !campaignId) return;
    const data = await api.completeness(campaignId);
    // The campaign switcher's counts follow what the table shows.
    this.store.set((s) => ({ county: { ...s.county, data }, campaigns: { ...s.campaigns, totals: { ...s.campaigns.totals, [campaignId]: data.totals } } }));
  }

  refresh(): Promise<void> {
    return runAction(this.store, 'county', this.show, async () => {
      await this.load();
      this.show(ok('已刷新。'));
    }, this.onAuthLost);
  }

  sortBy(key: SortKey): void {
    patchSlice(this.store, 'county', { sort: nextSort(this.store.get().county.sort, key) });
  }

  filter(f: CountyFilter): void {
    patchSlice(this.store, 'county', { filter: f });
  }

  /** Opens (or, with null, closes) the return form of one township. */
  startReturn(townshipId: string | null): void {
    patchSlice(this.store, 'county', { returning: townshipId });
  }

  async review(townshipId: string, action: ReviewAction): Promise<void> {
    const api = this.session.api;
    const { me, campaign } = this.store.get().connection;
    const campaignId = campaign?.id;
    if (!api || me?.role !== 'county' || !campaignId) return;
    if (this.store.get().county.pending.includes(townshipId)) return;
    const row = this.store.get().county.data?.townships.find((t) => t.id === townshipId);
    const name = row?.name ?? townshipId;
    if (action.action === 'return' && !action.comment?.trim()) {
      this.show(error(`退回“${name}”时请填写退回意见，乡镇据此修改。`));
      return;
    }
    if (action.action === 'accept') {
      const text = `${acceptCaveat(name, row?.quota)}通过${name}第 ${action.version} 版？通过后该版本锁定，${name}不能再上报；如需修改，可重新开放。`;
      if (!(await this.deps.confirm.ask({ title: '审核通过', text, ok: '确认通过' }))) return;
    }
    if (action.action === 'reopen' && !(await this.deps.confirm.ask(reopenQuestion(name, action.version)))) return;
    this.store.set((s) => ({ county: { ...s.county, pending: [...s.county.pending, townshipId] } }));
    let outcome: Verdict;
    try {
      await api.review(campaignId, townshipId, action);
      patchSlice(this.store, 'county', { returning: null });
      outcome = ok(`${name}：${ACTION_DONE[action.action]}。`);
    } catch (e) {
      if (isAuthLost(e) && this.onAuthLost) return this.onAuthLost(e.message);
      outcome = error(aboutTownship(name, e));
    } finally {
      this.store.set((s) => ({ county: { ...s.county, pending: s.county.pending.filter((id) => id !== townshipId) } }));
    }
    // Whatever happened, show the states as they are now (another reviewer may have moved first),
    // then the verdict, so the two never disagree.
    await this.load().catch((e: unknown) => {
      outcome = error(`${outcome.text} 刷新失败：${errorText(e)}`);
    });
    this.show(outcome);
  }

  /** The townships 全部通过 would accept: waiting, at the version the table shows. */
  waiting(): Array<{ townshipId: string; version: number; name: string; quota: { ok: boolean; summary: string } | null }> {
    return (this.store.get().county.data?.townships ?? []).flatMap((t) => (t.state === 'submitted' && t.currentVersion !== null ? [{ townshipId: t.id, version: t.currentVersion, name: t.name, quota: t.quota }] : []));
  }

  /** Accepts every waiting township after one confirmation; each township's answer is listed. */
  bulkAccept(): Promise<void> {
    return runAction(this.store, 'bulk', this.show, async () => {
      const api = this.session.api;
      const campaignId = this.store.get().connection.campaign?.id;
      const items = this.waiting();
      if (!api || !campaignId || items.length === 0) return;
      const names = items.map((i) => i.name);
      const list = names.length > 8 ? `${names.slice(0, 8).join('、')}等` : names.join('、');
      const yes = await this.deps.confirm.ask({
        title: '全部通过',
        text: `通过 ${items.length} 个待审核的乡镇（街道）（${list}）各自当前的版本？${bulkAcceptCaveat(items)}通过后这些版本锁定，不能再上报；如需修改，可逐个重新开放。`,
        ok: `通过 ${items.length} 个`,
      });
      if (!yes) return;
      this.show(info(`正在通过 ${items.length} 个乡镇（街道）…`));
      const result = await api.bulkReview(campaignId, { action: 'accept', items: items.map(({ townshipId, version }) => ({ townshipId, version })) });
      patchSlice(this.store, 'county', { bulk: result });
      let said = result.refused ? error(`已通过 ${result.accepted} 个；${result.refused} 个未通过，原因见下。`) : ok(`已通过 ${result.accepted} 个乡镇（街道）。`);
      await this.load().catch((e: unknown) => {
        said = error(`${said.text} 刷新失败：${errorText(e)}`);
      });
      this.show(said);
    }, this.onAuthLost);
  }

  consolidated(): Promise<void> {
    return runAction(this.store, 'consolidated', this.show, async () => {
      const api = this.session.api;
      const { me, campaign } = this.store.get().connection;
      const campaignId = campaign?.id;
      if (!api || !me || !campaignId) return;
      this.show(info('正在生成汇总表…'));
      const file = await api.consolidated(campaignId);
      if (this.deps.excel) {
        await this.deps.excel.openWorkbook(file.bytes);
        this.show(ok('汇总表已在新的 Excel 窗口中打开。'));
      } else {
        const name = file.fileName ?? (campaign ? consolidatedFileName(campaign) : '分类定级汇总表.xlsx');
        this.deps.files.save(file.bytes, name);
        this.show(ok(`汇总表已下载：${name}`));
      }
    }, this.onAuthLost);
  }
}
