// The 整改台账 of the open campaign, for both roles: a township's own items with 申请销号 (完成情况
// and 完成日期 asked in the page's own form), the county's items of every township with filters,
// 销号 (after the page's confirmation), 退回 and 复号 (each with a required comment), and an item's
// history on demand. The server's refusals are said in its Chinese words, with the organization.
import type { LedgerActionRequest } from '../../../shared/api/contract';
import { missingInput, STEP_LABEL, type FormStep, type LedgerFilter, type LedgerStep, type StepInput } from '../model/ledger';
import type { ConfirmPort, Session } from '../ports';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { error, errorText, isAuthLost, ok, runAction, type OnAuthLost } from './feedback';

const DONE: Readonly<Record<LedgerStep, string>> = {
  request: '已申请销号，等待县委组织部审核。',
  confirm: '已销号。',
  reject: '已退回，乡镇（街道）继续整改。',
  reopen: '已复号，乡镇（街道）重新整改。',
};

export class LedgerController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: { confirm: ConfirmPort },
    private readonly session: Session,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => patchSlice(this.store, 'ledger', { verdict: v });

  private where(): { api: NonNullable<Session['api']>; c: string; role: 'county' | 'township'; t: string | null } | null {
    const api = this.session.api;
    const { me, campaign } = this.store.get().connection;
    if (!api || !me || !campaign) return null;
    return { api, c: campaign.id, role: me.role, t: me.townshipId };
  }

  private item(id: string) {
    return this.store.get().ledger.list?.items.find((i) => i.id === id) ?? null;
  }

  /** Throws, for the caller to place. */
  async load(): Promise<void> {
    const w = this.where();
    if (!w) return;
    const list = w.role === 'township' && w.t ? await w.api.townshipLedger(w.c, w.t) : await w.api.ledger(w.c);
    patchSlice(this.store, 'ledger', { list });
  }

  /** Loads without failing its caller (a township's sign-in does not depend on the ledger). */
  async enter(): Promise<void> {
    await this.load().catch((e: unknown) => {
      if (isAuthLost(e) && this.onAuthLost) return this.onAuthLost(e.message);
      this.show(error(`整改台账未能读取：${errorText(e)}`));
    });
  }

  refresh(): Promise<void> {
    return runAction(this.store, 'ledger', this.show, async () => {
      await this.load();
      this.show(ok('已刷新。'));
    }, this.onAuthLost);
  }

  filter(patch: Partial<LedgerFilter>): void {
    patchSlice(this.store, 'ledger', { filter: { ...this.store.get().ledger.filter, ...patch } });
  }

  toggleHistory(itemId: string): void {
    const h = this.store.get().ledger.history;
    patchSlice(this.store, 'ledger', { history: h.includes(itemId) ? h.filter((x) => x !== itemId) : [...h, itemId] });
  }

  /** Opens (or, with null, closes) an item's form. */
  startStep(itemId: string | null, step: FormStep = 'request'): void {
    patchSlice(this.store, 'ledger', { form: itemId ? { itemId, step, note: null } : null });
  }

  /** The form's 确认: checked in the page, then sent. */
  async submit(itemId: string, input: StepInput): Promise<void> {
    const form = this.store.get().ledger.form;
    const item = this.item(itemId);
    if (!form || form.itemId !== itemId || !item) return;
    const missing = missingInput(form.step, input, item.orgName);
    if (missing) {
      patchSlice(this.store, 'ledger', { form: { ...form, note: missing } });
      return;
    }
    // The page's own note is answered; what the server says next goes to the card's verdict.
    if (form.note) patchSlice(this.store, 'ledger', { form: { ...form, note: null } });
    const body: LedgerActionRequest =
      form.step === 'request'
        ? { action: 'request', progress: input.progress?.trim() ?? '', completedOn: input.completedOn?.trim() ?? '' }
        : { action: form.step, comment: input.comment?.trim() ?? '' };
    await this.step(itemId, body);
  }

  /** 销号: after the page's own confirmation. */
  async confirm(itemId: string): Promise<void> {
    const item = this.item(itemId);
    if (!item) return;
    const yes = await this.deps.confirm.ask({
      title: '确认销号',
      text: `${item.townshipName}“${item.orgName}”的整改事项“${item.matter || '（未填写）'}”销号？完成情况：${item.progress || '（未填写）'}；完成日期：${item.completedOn ?? '（未填写）'}。销号后如发现问题，可以复号。`,
      ok: '确认销号',
    });
    if (yes) await this.step(itemId, { action: 'confirm' });
  }

  private async step(itemId: string, body: LedgerActionRequest): Promise<void> {
    const w = this.where();
    const item = this.item(itemId);
    if (!w || !item || this.store.get().ledger.pending.includes(itemId)) return;
    const step = body.action as LedgerStep;
    this.store.set((s) => ({ ledger: { ...s.ledger, pending: [...s.ledger.pending, itemId] } }));
    let outcome: Verdict;
    try {
      const r = await w.api.ledgerAction(w.c, itemId, body);
      patchSlice(this.store, 'ledger', { form: null });
      const warn = r.warnings.map((x) => x.message).join(' ');
      outcome = ok(`“${item.orgName}”：${r.changed ? DONE[step] : `没有变化（当前为${r.item.statusLabel}）。`}${warn ? ` ${warn}` : ''}`);
    } catch (e) {
      if (isAuthLost(e) && this.onAuthLost) return this.onAuthLost(e.message);
      // The server's refusals name the organization already; other failures get its name here.
      const said = errorText(e);
      outcome = error(said.includes(item.orgName) ? said : `“${item.orgName}”未能${STEP_LABEL[step]}：${said}`);
    } finally {
      this.store.set((s) => ({ ledger: { ...s.ledger, pending: s.ledger.pending.filter((x) => x !== itemId) } }));
    }
    // The list as it is now (someone else may have moved first), then the verdict.
    await this.load().catch((e: unknown) => {
      outcome = error(`${outcome.text} 刷新失败：${errorText(e)}`);
    });
    this.show(outcome);
  }
}
