// One township's version with eyes open: its rows, warnings, 填报人/联系电话/填报日期, quota
// verdict and what changed since the previous version; the file as uploaded; and the decision —
// accept after the page's own confirmation, return with a required comment, reopen.
import type { ReviewAction } from '../../../shared/api/contract';
import { acceptCaveat } from '../model/accept-caveat';
import { reopenQuestion } from '../model/reopen-question';
import type { ConfirmPort, Delivery, Session } from '../ports';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { ACTION_DONE } from '../ui/labels';
import { aboutTownship, error, info, isAuthLost, ok, runAction, type OnAuthLost } from './feedback';

export interface DetailDeps {
  confirm: ConfirmPort;
  delivery: Delivery;
}

/** The county's table after a decision. */
export type OnReviewed = () => Promise<void>;

export class ReviewDetailController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: DetailDeps,
    private readonly session: Session,
    private readonly onReviewed: OnReviewed,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => patchSlice(this.store, 'detail', { verdict: v });

  private where(): { api: NonNullable<Session['api']>; c: string } | null {
    const api = this.session.api;
    const c = this.store.get().connection.campaign?.id;
    return api && c ? { api, c } : null;
  }

  /** Opens version `v` of township `t` (its rows, and the diff to the version before). */
  open(t: string, v: number): Promise<void> {
    patchSlice(this.store, 'detail', { open: { townshipId: t, version: v }, data: null, returning: false, verdict: info('正在读取…') });
    return runAction(this.store, 'detail', this.show, async () => {
      const w = this.where();
      if (!w) return;
      const data = await w.api.version(w.c, t, v);
      // The county may have opened another township meanwhile.
      const now = this.store.get().detail.open;
      if (now?.townshipId !== t || now.version !== v) return;
      patchSlice(this.store, 'detail', { data, verdict: null });
    }, this.onAuthLost);
  }

  /** The open version again, quietly: the county decided from the table (or 全部通过) meanwhile. */
  async refresh(): Promise<void> {
    const w = this.where();
    const open = this.store.get().detail.open;
    if (!w || !open) return;
    const data = await w.api.version(w.c, open.townshipId, open.version).catch(() => null);
    const now = this.store.get().detail.open;
    if (data && now?.townshipId === open.townshipId && now.version === open.version) patchSlice(this.store, 'detail', { data });
  }

  close(): void {
    patchSlice(this.store, 'detail', { open: null, data: null, returning: false, verdict: null });
  }

  startReturn(on: boolean): void {
    patchSlice(this.store, 'detail', { returning: on });
  }

  /** The workbook exactly as the township uploaded it. */
  file(): Promise<void> {
    return runAction(this.store, 'versionFile', this.show, async () => {
      const w = this.where();
      const d = this.store.get().detail.data;
      if (!w || !d) return;
      const file = await w.api.versionFile(w.c, d.townshipId, d.version);
      const name = file.fileName ?? `${d.townshipName}第${d.version}版.xlsx`;
      const how = await this.deps.delivery.deliver(file.bytes, name);
      this.show(ok(how === 'opened' ? '原始文件已在新的 Excel 窗口中打开。' : `原始文件已下载：${name}`));
    }, this.onAuthLost);
  }

  async accept(): Promise<void> {
    const d = this.store.get().detail.data;
    if (!d) return;
    const yes = await this.deps.confirm.ask({
      title: '审核通过',
      text: `${acceptCaveat(d.townshipName, d.quota)}通过${d.townshipName}第 ${d.version} 版（${d.orgs.length} 个党组织）？通过后该版本锁定，${d.townshipName}不能再上报；如需修改，可重新开放。`,
      ok: '确认通过',
    });
    if (yes) await this.decide({ action: 'accept', version: d.version });
  }

  /** A return needs a comment: the page says so itself (never the browser's bubble). */
  async sendBack(comment: string): Promise<void> {
    const d = this.store.get().detail.data;
    if (!d) return;
    if (!comment.trim()) {
      this.show(error(`退回“${d.townshipName}”时请填写退回意见，乡镇据此修改。`));
      return;
    }
    await this.decide({ action: 'return', comment: comment.trim(), version: d.version });
  }

  async reopen(): Promise<void> {
    const d = this.store.get().detail.data;
    if (d && (await this.deps.confirm.ask(reopenQuestion(d.townshipName, d.version)))) await this.decide({ action: 'reopen', version: d.version });
  }

  private decide(action: ReviewAction): Promise<void> {
    return runAction(this.store, 'detail', this.show, async () => {
      const w = this.where();
      const d = this.store.get().detail.data;
      if (!w || !d) return;
      let said: Verdict;
      try {
        await w.api.review(w.c, d.townshipId, action);
        said = ok(`${d.townshipName}第 ${d.version} 版：${ACTION_DONE[action.action]}。`);
        patchSlice(this.store, 'detail', { returning: false });
      } catch (e) {
        if (isAuthLost(e)) throw e;
        said = error(aboutTownship(d.townshipName, e));
      }
      // The state as it is now (another reviewer may have moved first), then the verdict.
      const [fresh] = await Promise.all([w.api.version(w.c, d.townshipId, d.version).catch(() => null), this.onReviewed().catch(() => undefined)]);
      if (fresh) patchSlice(this.store, 'detail', { data: fresh });
      this.show(said);
    }, this.onAuthLost);
  }
}
