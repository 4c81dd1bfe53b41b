// The county's review: who has reported, sorting and filtering the table, accept / return /
// reopen, and the consolidated workbook. Screens for the county API (campaign admin, invitation
// links, review detail) are further controllers beside this one, sharing the store and session.
import type { ReviewAction } from '../../../shared/api/contract';
import { nextSort, type CountyFilter, type SortKey } from '../model/county-table';
import type { ExcelPort, FilePort, Session } from '../ports';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { error, errorText, info, isAuthLost, ok, runAction, type OnAuthLost } from './feedback';

export interface CountyReviewDeps {
  excel: ExcelPort | null;
  files: FilePort;
}

const DONE: Record<ReviewAction['action'], string> = { accept: '已通过', return: '已退回', reopen: '已重新开放' };

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
    patchSlice(this.store, 'county', { data });
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
    const name = this.store.get().county.data?.townships.find((t) => t.id === townshipId)?.name ?? townshipId;
    if (action.action === 'return' && !action.comment?.trim()) {
      this.show(error(`退回“${name}”时请填写退回意见，乡镇据此修改。`));
      return;
    }
    this.store.set((s) => ({ county: { ...s.county, pending: [...s.county.pending, townshipId] } }));
    let outcome: Verdict;
    try {
      await api.review(campaignId, townshipId, action);
      patchSlice(this.store, 'county', { returning: null });
      outcome = ok(`${name}：${DONE[action.action]}。`);
    } catch (e) {
      if (isAuthLost(e) && this.onAuthLost) return this.onAuthLost(e.message);
      outcome = error(`${name}：${errorText(e)}`);
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
        const name = file.fileName ?? (campaign ? `${campaign.county}${campaign.year}年分类定级汇总表.xlsx` : '分类定级汇总表.xlsx');
        this.deps.files.save(file.bytes, name);
        this.show(ok(`汇总表已下载：${name}`));
      }
    }, this.onAuthLost);
  }
}
