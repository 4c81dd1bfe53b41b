// The township's work: check a workbook, upload it, get the template, go to and paint the cells
// issues name, read the county's decision. Every verdict is written next to the button pressed.
import { hasErrors } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';
import type { Submission } from '../../../shared/submission/types';
import { TEMPLATE_SHEETS } from '../../../shared/template/definition';
import { ApiError } from '../api/client';
import { ReadFileError } from '../excel/read-file';
import type { Capabilities } from '../host/capabilities';
import { templateIdentityIssue } from '../model/identity';
import { withOrganizations } from '../model/issue-org';
import type { ExcelPort, FilePort, Session, WorkbookReader } from '../ports';
import { patchSlice, type AppState, type ShownIssue, type Store, type Verdict } from '../state';
import { shortMessage } from '../ui/issue-groups';
import { error, errorText, info, ok, runAction, type OnAuthLost } from './feedback';
import { checkVerdict, countOf, receiptVerdicts } from './verdicts';

export interface CheckUploadDeps {
  caps: Capabilities;
  excel: ExcelPort | null;
  files: FilePort;
  reader: WorkbookReader;
  /** After an accepted upload: what else on the page follows it (the 整改台账 the upload opened or changed). Never throws. */
  afterUpload?: () => Promise<void>;
}

/** Why 上报 cannot be pressed now (shown beside it), or null when it can. */
export function uploadBlocked(s: AppState, caps: Capabilities): string | null {
  if (caps.missing.readWorkbook) return caps.missing.readWorkbook;
  const { me } = s.connection;
  if (s.connection.phase !== 'connected' || !me) return '连接县委组织部服务器后才能上报。';
  if (me.role !== 'township') return '上报由乡镇（街道）进行。';
  const st = s.township.status;
  if (st?.state === 'accepted') {
    return `第 ${st.currentVersion ?? ''} 版已由县委组织部审核通过并锁定，不能再上报；如需修改，请联系县委组织部重新开放。`;
  }
  return null;
}

interface Checked {
  bytes: Uint8Array;
  issues: ShownIssue[];
  /** The issue saying the file is someone else's template; the whole answer when set. */
  owner: Issue | null;
}

export class CheckUploadController {
  /** The last checked workbook, to name the organizations in the server's answer about it. */
  private submission: Submission | null = null;

  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: CheckUploadDeps,
    private readonly session: Session,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private show = (v: Verdict | null): void => {
    this.store.set((s) => ({ work: { ...s.work, verdict: v, reveal: s.work.reveal + 1 } }));
  };

  private report(title: string, issues: ShownIssue[]): void {
    patchSlice(this.store, 'work', { report: { title, issues } });
  }

  /** Browser: a file was picked; it is checked at once. */
  picked(fileName: string | null): Promise<void> {
    patchSlice(this.store, 'work', { fileName, receipt: null, receiptTitle: null });
    return fileName ? this.check() : Promise.resolve();
  }

  private async readChecked(): Promise<Checked> {
    const { excel, files, reader } = this.deps;
    const bytes = excel ? await excel.readOpenWorkbook() : await files.picked();
    if (!bytes) throw new ReadFileError('请先选择要检查的 .xlsx 文件。');
    const { connection } = this.store.get();
    const result = await reader.read(bytes, connection.scheme.scheme);
    this.submission = result.submission;
    const { me, campaign } = connection;
    const owner = me?.role === 'township' && me.townshipId && campaign ? templateIdentityIssue(result.submission, { campaign, townshipId: me.townshipId }) : null;
    return { bytes, owner, issues: withOrganizations(owner ? [owner] : result.issues, result.submission) };
  }

  check(): Promise<void> {
    return runAction(this.store, 'check', this.show, async () => {
      this.show(info('正在检查…'));
      const { issues, owner } = await this.readChecked();
      this.report('检查结果', issues);
      this.show(owner ? error(`这份工作簿不能上报：${shortMessage(owner)}`) : checkVerdict(issues));
    });
  }

  upload(): Promise<void> {
    return runAction(
      this.store,
      'upload',
      this.show,
      async () => {
        const blocked = uploadBlocked(this.store.get(), this.deps.caps);
        const api = this.session.api;
        const { me, scheme, campaign } = this.store.get().connection;
        const campaignId = campaign?.id;
        if (blocked || !api || !me?.townshipId || !campaignId) {
          this.show(error(blocked ?? '连接县委组织部服务器后才能上报。'));
          return;
        }
        patchSlice(this.store, 'work', { receipt: null, receiptTitle: null });
        this.show(info('正在检查…'));
        const { bytes, issues, owner } = await this.readChecked();
        this.report('检查结果', issues);
        if (owner) return this.show(error(`未上报：${shortMessage(owner)}`));
        // Only a check under the county's own standard may stop an upload; otherwise the server judges.
        if (hasErrors(issues) && scheme.caveat === null) {
          return this.show(error(`未上报：工作簿有 ${countOf(issues, 'error')} 个错误，请按下面的问题改正后再上报。`));
        }
        this.show(info('正在上报…'));
        patchSlice(this.store, 'work', { progress: 0 });
        let outcome;
        try {
          outcome = await api.upload(campaignId, me.townshipId, bytes, (p) => patchSlice(this.store, 'work', { progress: p.sent }));
        } catch (e) {
          // Locked meanwhile (409): show the state that explains it, then the server's sentence.
          if (e instanceof ApiError && e.status === 409) await this.loadStatus().catch(() => undefined);
          throw e;
        } finally {
          patchSlice(this.store, 'work', { progress: undefined });
        }
        if (outcome.kind === 'rejected') {
          this.report('服务器检查结果', withOrganizations(outcome.issues, this.submission));
          return this.show(error(`服务器未接收：${outcome.message}`));
        }
        const r = outcome.receipt;
        const status = await api.status(campaignId, me.townshipId).catch(() => null);
        if (status) patchSlice(this.store, 'township', { status, verdict: null });
        if (r.warnings.length) this.report('服务器检查结果', withOrganizations(r.warnings, this.submission));
        // The receipt's heading is short; the verdict at the button says the rest.
        const { verdict, title } = receiptVerdicts(r, status);
        patchSlice(this.store, 'work', { receipt: r, receiptTitle: title });
        this.show(verdict);
        await this.deps.afterUpload?.();
      },
      this.onAuthLost,
    );
  }

  template(): Promise<void> {
    return runAction(
      this.store,
      'template',
      this.show,
      async () => {
        const api = this.session.api;
        const { me, campaign } = this.store.get().connection;
        const campaignId = campaign?.id;
        if (!api || !me?.townshipId || !campaignId) return;
        const file = await api.template(campaignId, me.townshipId);
        if (this.deps.excel) {
          const added = await this.deps.excel.insertTemplate(file.bytes, TEMPLATE_SHEETS);
          this.show(ok(`已插入模板工作表：${added.join('、')}。`));
        } else {
          this.deps.files.save(file.bytes, file.fileName ?? `${me.townshipName ?? me.townshipId}分类定级模板.xlsx`);
          this.show(ok('模板已下载，请填好后在此选择并上报。'));
        }
      },
      this.onAuthLost,
    );
  }

  /** Excel: takes the clerk to the issue's cell. */
  async goTo(issue: Issue): Promise<void> {
    if (!this.deps.excel || !issue.sheet) return;
    try {
      const r = await this.deps.excel.selectCell({ sheet: issue.sheet, cell: issue.cell });
      if (r === 'noSheet') this.show(error(`工作簿中没有名为“${issue.sheet}”的工作表（可能已改名或删除）。请点“检查”重新检查后再定位。`));
      else if (r === 'hiddenCell') this.show(info(`已选中工作表“${issue.sheet}”的 ${issue.cell ?? ''} 单元格，但它所在的行或列已隐藏（或被筛选掉）。请取消隐藏或清除筛选后查看。`));
      else if (r === 'hiddenSheet') this.show(error(`工作表“${issue.sheet}”已隐藏，无法定位。请在工作表标签上右击，选“取消隐藏”后再点此问题。`));
    } catch (e) {
      this.show(error(`无法定位到该单元格。${errorText(e)}`));
    }
  }

  highlight(): Promise<void> {
    return runAction(this.store, 'highlight', this.show, async () => {
      if (!this.deps.excel) return;
      const issues = this.store.get().work.report?.issues ?? [];
      const targets = issues.filter((i) => i.sheet && i.cell).map((i) => ({ sheet: i.sheet as string, cell: i.cell, severity: i.severity }));
      const r = await this.deps.excel.highlightCells(targets);
      this.show(info(`已标出 ${r.painted} 个单元格（红色为错误，黄色为提醒）。改正后可点“清除标记”恢复原来的底色。`));
    });
  }

  clearHighlights(): Promise<void> {
    return runAction(this.store, 'clearHighlight', this.show, async () => {
      if (!this.deps.excel) return;
      const n = await this.deps.excel.clearHighlights();
      this.show(n ? ok(`已清除 ${n} 个单元格的标记。`) : info('没有需要清除的标记。'));
    });
  }

  /** The versions and the county's decision; throws, for the connection step to judge. */
  async loadStatus(): Promise<void> {
    const api = this.session.api;
    const { me, campaign } = this.store.get().connection;
    const campaignId = campaign?.id;
    if (!api || !me?.townshipId || !campaignId) return;
    const status = await api.status(campaignId, me.townshipId);
    patchSlice(this.store, 'township', { status, verdict: null });
  }

  refreshStatus(): Promise<void> {
    return runAction(
      this.store,
      'status',
      (v) => patchSlice(this.store, 'township', { verdict: v }),
      async () => {
        await this.loadStatus();
        patchSlice(this.store, 'township', { verdict: ok('已刷新。') });
      },
      this.onAuthLost,
    );
  }
}
