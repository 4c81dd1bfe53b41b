// The county's campaigns: the list (this year's and past ones, with their review counts), opening
// one, and a past campaign's consolidated workbook. Signing in lands on the newest campaign, or on
// 新建工作批次 when the county has none; a reload lands on the campaign this tab had open.
import { consolidatedFileName } from '../../../shared/consolidate/titles';
import type { CampaignMemory, Delivery, Session } from '../ports';
import { chooseScheme } from '../scheme';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { ROLE_LABEL } from '../ui/labels';
import { info, ok, runAction, type OnAuthLost } from './feedback';

export interface CampaignHooks {
  /** The open campaign changed (or was loaded at sign-in): load what the county sees of it. Throws for the connection step. */
  opened(): Promise<void>;
  /** The county has no campaign yet. */
  startCreate(): void;
}

/** How many campaigns' counts the switcher loads (a county has one a year). */
const COUNTS_FOR = 12;

export class CampaignsController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: { delivery: Delivery; memory?: CampaignMemory },
    private readonly session: Session,
    private readonly hooks: CampaignHooks,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => patchSlice(this.store, 'campaigns', { verdict: v });

  /** Signed in as the county: the list, then the open campaign's views or the form for a first one. Throws. */
  async enter(): Promise<void> {
    await this.loadList();
    await this.reopenRemembered();
    if (this.store.get().connection.campaign) await this.hooks.opened();
    else this.hooks.startCreate();
  }

  /** After a reload: the campaign this tab had open (still listed), not silently the newest one. Throws. */
  private async reopenRemembered(): Promise<void> {
    const api = this.session.api;
    const id = this.deps.memory?.get();
    const { connection, campaigns } = this.store.get();
    if (!api || !id || id === connection.campaign?.id || !campaigns.list?.some((c) => c.id === id)) return;
    const { campaign, scheme } = await api.campaign(id);
    patchSlice(this.store, 'connection', { campaign, scheme: chooseScheme(campaign, scheme) });
  }

  /** The counts being loaded after the list (tests wait for it). */
  counting: Promise<void> = Promise.resolve();

  /** Throws. The counts come after, best effort, without holding up the page. */
  async loadList(): Promise<void> {
    const api = this.session.api;
    if (!api || this.store.get().connection.me?.role !== 'county') return;
    const { campaigns } = await api.campaigns();
    patchSlice(this.store, 'campaigns', { list: campaigns });
    this.counting = Promise.all(
      campaigns.slice(0, COUNTS_FOR).map(async (c) => {
        const totals = await api.completeness(c.id).then((x) => x.totals, () => null);
        if (totals) this.store.set((s) => ({ campaigns: { ...s.campaigns, totals: { ...s.campaigns.totals, [c.id]: totals } } }));
      }),
    ).then(() => undefined);
  }

  refresh(): Promise<void> {
    return runAction(this.store, 'campaigns', this.show, async () => {
      await this.loadList();
      this.show(ok('已刷新。'));
    }, this.onAuthLost);
  }

  /** Makes campaign `id` the one the page works on. */
  open(id: string, said?: Verdict): Promise<void> {
    return runAction(this.store, 'openCampaign', this.show, async () => {
      const api = this.session.api;
      if (!api) return;
      this.show(info('正在打开…'));
      const { campaign, scheme } = await api.campaign(id);
      // The sign-in line said there was no campaign yet; now there is.
      const me = this.store.get().connection.me;
      patchSlice(this.store, 'connection', { campaign, scheme: chooseScheme(campaign, scheme), verdict: ok(`已连接：${ROLE_LABEL.county} ${me?.countyName || campaign.county}`) });
      this.deps.memory?.set(campaign.id);
      await this.hooks.opened();
      this.show(said ?? ok(`已打开工作批次：${campaign.county} ${campaign.year} 年度（截止 ${campaign.deadline}）。`));
    }, this.onAuthLost);
  }

  /** Any listed campaign's consolidated workbook, this year's or a past one. */
  consolidated(id: string): Promise<void> {
    return runAction(this.store, 'pastConsolidated', this.show, async () => {
      const api = this.session.api;
      const c = this.store.get().campaigns.list?.find((x) => x.id === id);
      if (!api || !c) return;
      this.show(info(`正在生成 ${c.year} 年度汇总表…`));
      const file = await api.consolidated(id);
      const name = file.fileName ?? consolidatedFileName(c);
      const how = await this.deps.delivery.deliver(file.bytes, name);
      this.show(ok(how === 'opened' ? `${c.year} 年度汇总表已在新的 Excel 窗口中打开。` : `${c.year} 年度汇总表已下载：${name}`));
    }, this.onAuthLost);
  }
}
