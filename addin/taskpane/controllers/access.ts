// Invitation links of the open campaign: each township's link and its state, issuing every
// missing one, reissuing or revoking one (after the page's own confirmation: the old link stops
// working), copying a link, and the 派发表. Links point at this page (its own address).
import type { AccessList } from '../../../shared/api/contract';
import { linksEndingEarly } from '../../../shared/campaign/link-expiry';
import type { ClipboardPort, ConfirmPort, Delivery, Session } from '../ports';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { formatTime } from '../ui/labels';
import { aboutTownship, error, info, isAuthLost, ok, runAction, type OnAuthLost } from './feedback';

export interface AccessDeps {
  confirm: ConfirmPort;
  clipboard: ClipboardPort;
  delivery: Delivery;
  /** This page's address without its fragment: the page the links open. */
  page(): string;
}

export const ACCESS_LABEL: Record<AccessList['townships'][number]['status'], string> = { none: '未发放', active: '有效', expired: '已过期', revoked: '已收回' };

export class AccessController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: AccessDeps,
    private readonly session: Session,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => patchSlice(this.store, 'access', { verdict: v });

  private where(): { api: NonNullable<Session['api']>; c: string } | null {
    const api = this.session.api;
    const c = this.store.get().connection.campaign?.id;
    return api && c && this.store.get().connection.me?.role === 'county' ? { api, c } : null;
  }

  private name(t: string): string {
    return this.store.get().access.list?.townships.find((x) => x.townshipId === t)?.townshipName ?? t;
  }

  /** Throws. */
  async load(): Promise<void> {
    const w = this.where();
    if (!w) return;
    const list = await w.api.access(w.c, this.deps.page());
    patchSlice(this.store, 'access', { list, manual: null });
  }

  refresh(): Promise<void> {
    return runAction(this.store, 'access', this.show, async () => {
      await this.load();
      this.show(ok('已刷新。'));
    }, this.onAuthLost);
  }

  /** A link for every township without an active one. */
  issueMissing(): Promise<void> {
    return runAction(this.store, 'access', this.show, async () => {
      const w = this.where();
      if (!w) return;
      const before = this.store.get().access.list?.townships.filter((t) => t.status !== 'active').length ?? 0;
      const list = await w.api.issueAccess(w.c, { page: this.deps.page() });
      patchSlice(this.store, 'access', { list, manual: null });
      const until = list.townships.find((t) => t.status === 'active')?.expiresAt;
      this.show(before ? ok(`已为 ${before} 个乡镇（街道）发放上报链接${until ? `，有效期至 ${formatTime(until)}` : ''}。请下载派发表分发，或逐个复制链接发送。`) : info('每个乡镇（街道）都已有有效的链接，没有新发放。'));
    }, this.onAuthLost);
  }

  /** One township's action, with its row marked busy; a failure is said with its name. */
  private async one(t: string, run: (w: { api: NonNullable<Session['api']>; c: string }) => Promise<AccessList>, done: string): Promise<void> {
    const w = this.where();
    if (!w || this.store.get().access.pending.includes(t)) return;
    const name = this.name(t);
    this.store.set((s) => ({ access: { ...s.access, pending: [...s.access.pending, t] } }));
    try {
      const list = await run(w);
      patchSlice(this.store, 'access', { list, manual: null });
      this.show(ok(`${name}：${done}`));
    } catch (e) {
      if (isAuthLost(e) && this.onAuthLost) return this.onAuthLost(e.message);
      this.show(error(aboutTownship(name, e)));
    } finally {
      this.store.set((s) => ({ access: { ...s.access, pending: s.access.pending.filter((x) => x !== t) } }));
    }
  }

  /** A township without an active link gets one (no old link to stop). */
  issue(t: string): Promise<void> {
    const name = this.name(t);
    return this.one(t, (w) => w.api.issueAccess(w.c, { townships: [t], page: this.deps.page() }), `已发放上报链接。请点“复制链接”发给${name}，或重新下载派发表。`);
  }

  async reissue(t: string): Promise<void> {
    const name = this.name(t);
    const yes = await this.deps.confirm.ask({ title: '重新发放上报链接', text: `重新发放后，${name}原来的链接立即失效，不能再使用；请把新链接发给${name}。`, ok: '重新发放', danger: true });
    if (yes) await this.one(t, (w) => w.api.issueAccess(w.c, { townships: [t], reissue: true, page: this.deps.page() }), `已重新发放，原来的链接已失效（已打印的派发表上的也一样）。请点“复制链接”把新链接发给${name}，或重新下载派发表。`);
  }

  async revoke(t: string): Promise<void> {
    const name = this.name(t);
    const yes = await this.deps.confirm.ask({ title: '收回上报链接', text: `收回后，${name}的链接立即失效，不能再查看或上报；需要时可再发放新链接。`, ok: '收回', danger: true });
    if (yes) await this.one(t, (w) => w.api.revokeAccess(w.c, [t], this.deps.page()), '链接已收回。');
  }

  async copy(t: string): Promise<void> {
    const row = this.store.get().access.list?.townships.find((x) => x.townshipId === t);
    if (!row?.link) return;
    if (await this.deps.clipboard.copy(row.link)) {
      patchSlice(this.store, 'access', { manual: null });
      this.show(ok(`已复制${row.townshipName}的上报链接，可粘贴到消息中发送。`));
    } else {
      patchSlice(this.store, 'access', { manual: { townshipId: t, link: row.link } });
      this.show(info(`浏览器不允许自动复制：请在下面选中${row.townshipName}的链接后按 Ctrl+C 复制。`));
    }
  }

  /** The active links that stop working before the deadline day is over (the deadline moved later since they were issued). */
  endingEarly(): AccessList['townships'] {
    const deadline = this.store.get().connection.campaign?.deadline;
    return deadline ? linksEndingEarly(this.store.get().access.list?.townships ?? [], deadline) : [];
  }

  /** New links, lasting past the deadline, for every township whose link ends before it (one confirmation). */
  reissueEarly(): Promise<void> {
    return runAction(this.store, 'access', this.show, async () => {
      const w = this.where();
      const early = this.endingEarly();
      if (!w || early.length === 0) return;
      const names = early.map((r) => r.townshipName).join('、');
      const yes = await this.deps.confirm.ask({
        title: '重新发放上报链接',
        text: `${names}的链接在截止日期前就会失效。重新发放后，原来的链接立即失效；请把新链接（或重新下载的派发表）发给${early.length > 1 ? '这些乡镇（街道）' : names}。`,
        ok: `重新发放 ${early.length} 个`,
        danger: true,
      });
      if (!yes) return;
      const list = await w.api.issueAccess(w.c, { townships: early.map((r) => r.townshipId), reissue: true, page: this.deps.page() });
      patchSlice(this.store, 'access', { list, manual: null });
      const until = list.townships.find((t) => t.townshipId === early[0]?.townshipId)?.expiresAt;
      this.show(ok(`已为 ${early.length} 个乡镇（街道）重新发放上报链接${until ? `，有效期至 ${formatTime(until)}` : ''}，原来的链接已失效。请下载派发表分发，或逐个复制链接发送。`));
    }, this.onAuthLost);
  }

  /** The 派发表 (.xlsx: township, link, expiry) to print or send. */
  sheet(): Promise<void> {
    return runAction(this.store, 'accessSheet', this.show, async () => {
      const w = this.where();
      if (!w) return;
      const file = await w.api.accessSheet(w.c, this.deps.page());
      const name = file.fileName ?? '上报链接派发表.xlsx';
      const how = await this.deps.delivery.deliver(file.bytes, name);
      this.show(ok(how === 'opened' ? '派发表已在新的 Excel 窗口中打开。' : `派发表已下载：${name}`));
    }, this.onAuthLost);
  }
}
