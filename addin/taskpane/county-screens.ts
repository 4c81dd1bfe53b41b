// The county's screens, wired: 工作批次 (switcher), the campaign form, 各单位上报情况 (table or
// cards, 全部通过), the open version (查看), 上报链接, the year after (整改台账 — a township's too —
// and 晋位升级 / 回头看). A new county screen is a controller and a view
// added here (its slice in slices.ts, its <section> placeholder in taskpane.html).
import { AccessController } from './controllers/access';
import { CampaignAdminController } from './controllers/campaign-admin';
import { CampaignsController } from './controllers/campaigns';
import { CountyReviewController } from './controllers/county-review';
import { error, errorText, type OnAuthLost } from './controllers/feedback';
import { LedgerController } from './controllers/ledger';
import { ReviewDetailController } from './controllers/review-detail';
import { YearAfterController } from './controllers/year-after';
import type { Capabilities } from './host/capabilities';
import { browserClipboard } from './host/clipboard';
import { tabCampaignMemory } from './host/storage';
import type { Clock, ConfirmPort, Delivery, ExcelPort, FilePort, Session } from './ports';
import { initialSlices } from './slices';
import { patchSlice, type AppState, type Store } from './state';
import { accessView } from './views/access-view';
import { adminView } from './views/admin-view';
import { campaignsView } from './views/campaigns-view';
import { countyView } from './views/county-view';
import { detailView } from './views/detail-view';
import { ledgerView } from './views/ledger-view';
import { yearAfterView } from './views/year-after-view';

export interface CountyWiring {
  store: Store<AppState>;
  session: Session;
  lost: OnAuthLost;
  caps: Capabilities;
  excel: ExcelPort | null;
  files: FilePort;
  confirm: ConfirmPort;
  delivery: Delivery;
  clock: Clock;
  /** This page's address without query or fragment: the page invitation links open. */
  page(): string;
}

/**
 * Mounts the county's views; `enter` runs when a county signs in (throws for the connection step),
 * `enterTownship` when a township does (its 整改台账; never fails the sign-in).
 */
export function countyScreens(w: CountyWiring): { enter(): Promise<void>; enterTownship(): Promise<void> } {
  const { store, session, lost } = w;
  const review = new CountyReviewController(store, { excel: w.excel, files: w.files, confirm: w.confirm }, session, lost);
  const access = new AccessController(store, { confirm: w.confirm, clipboard: browserClipboard(), delivery: w.delivery, page: w.page }, session, lost);
  const ledger = new LedgerController(store, { confirm: w.confirm }, session, lost);
  const yearAfter = new YearAfterController(store, session, lost);
  const detail = new ReviewDetailController(store, { confirm: w.confirm, delivery: w.delivery }, session, () => review.load(), lost);
  const opened = async () => {
    // Another campaign: nothing of the previous one stays on screen.
    const fresh = initialSlices();
    store.set((s) => ({ county: { ...s.county, data: null, returning: null, pending: [], bulk: null, verdict: null }, detail: fresh.detail, access: fresh.access, ledger: fresh.ledger, yearAfter: fresh.yearAfter, admin: { ...s.admin, mode: 'closed' } }));
    await review.load();
    await access.load().catch((e: unknown) => patchSlice(store, 'access', { verdict: error(errorText(e)) }));
    await ledger.enter();
    await yearAfter.enter();
  };
  const admin = new CampaignAdminController(store, { delivery: w.delivery, clock: w.clock }, session, async (id, said) => {
    await campaigns.loadList().catch(() => undefined);
    await campaigns.open(id, said);
  }, lost);
  const campaigns: CampaignsController = new CampaignsController(store, { delivery: w.delivery, memory: tabCampaignMemory() }, session, { opened, startCreate: () => admin.startCreate() }, lost);

  // A decision made in the table or by 全部通过 shows in the open version too.
  store.subscribe((s, prev) => {
    const d = s.detail.data;
    if (s.county.data === prev.county.data || !d) return;
    const row = s.county.data?.townships.find((t) => t.id === d.townshipId);
    if (row && (row.state !== d.state || (row.currentVersion === d.version) !== d.current)) void detail.refresh();
  });

  const fileLabel = w.caps.inExcel && !w.caps.missing.openWorkbook ? '在 Excel 中打开' : '下载';
  campaignsView(store, campaigns, admin, `${fileLabel}汇总表`);
  adminView(store, admin);
  countyView(store, review, w.caps, (t, v) => void detail.open(t, v));
  detailView(store, detail, `${fileLabel}原始文件`);
  accessView(store, access);
  ledgerView(store, ledger);
  yearAfterView(store, yearAfter);
  return { enter: () => campaigns.enter(), enterTownship: () => ledger.enter() };
}
