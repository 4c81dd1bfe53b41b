// The page's logic: wire buttons to the API client, the shared reader and the Excel modules.
// Kept thin: checking is shared/readSubmission, rendering is ui/, Excel work is excel/.
import type { Campaign, Me } from '../../shared/api/contract';
import { hasErrors } from '../../shared/issues/catalogue';
import type { Issue } from '../../shared/issues/types';
import { DETAIL_SHEET, META_SHEET, RECT_SHEET } from '../../shared/template/definition';
import { readSubmission } from '../../shared/workbook/read';
import { ApiClient, ApiError } from './api/client';
import { clearHighlights, documentSettingsStore, highlightCells, memoryStore, type HighlightStore } from './excel/highlight';
import { insertTemplateSheets, SheetConflictError } from './excel/insert-sheets';
import { openWorkbook } from './excel/open-workbook';
import { readOpenWorkbook, ReadFileError } from './excel/read-file';
import { selectCell } from './excel/select';
import type { Capabilities } from './host/capabilities';
import { forgetConnection, loadConnection, saveConnection } from './host/storage';
import { chooseScheme, type SchemeChoice } from './scheme';
import { renderCompleteness } from './ui/county-view';
import { byId, h, setAvailable } from './ui/dom';
import { renderIssues } from './ui/issue-list';
import { formatTime, ROLE_LABEL } from './ui/labels';
import { renderReceipt, renderStatus } from './ui/township-view';
import { bytesToBase64 } from './util/base64';
import { downloadBytes } from './util/download';

/** The old pane works on one campaign: a county's newest (GET /me names it). */
type ConnectedMe = Me & { campaignId: string };

interface State {
  client: ApiClient | null;
  me: ConnectedMe | null;
  campaign: Campaign | null;
  scheme: SchemeChoice;
  issues: Issue[];
}

const TEMPLATE_SHEETS = [DETAIL_SHEET, RECT_SHEET, META_SHEET];

/** Chinese text for anything thrown; a clerk never sees a stack trace. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError || e instanceof ReadFileError || e instanceof SheetConflictError) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  if (/protect/i.test(msg) || /保护/.test(msg)) return '工作表受保护，Excel 不允许修改。请撤销工作表保护后重试。';
  return `操作未完成：${msg}`;
}

export async function startApp(caps: Capabilities): Promise<void> {
  const el = {
    mode: byId('mode'),
    notice: byId('notice'),
    form: byId<HTMLFormElement>('connect-form'),
    url: byId<HTMLInputElement>('server-url'),
    token: byId<HTMLInputElement>('token'),
    connect: byId<HTMLButtonElement>('connect'),
    fields: byId('connect-fields'),
    fileName: byId('file-name'),
    disconnect: byId<HTMLButtonElement>('disconnect'),
    who: byId('who'),
    workbookHint: byId('workbook-hint'),
    pick: byId('pick'),
    file: byId<HTMLInputElement>('file'),
    validate: byId<HTMLButtonElement>('validate'),
    validateWhy: byId('validate-why'),
    template: byId<HTMLButtonElement>('template'),
    templateWhy: byId('template-why'),
    schemeNote: byId('scheme-note'),
    issues: byId('issues'),
    highlightRow: byId('highlight-row'),
    highlight: byId<HTMLButtonElement>('highlight'),
    clearHighlight: byId<HTMLButtonElement>('clear-highlight'),
    highlightWhy: byId('highlight-why'),
    uploadSection: byId('upload-section'),
    upload: byId<HTMLButtonElement>('upload'),
    progress: byId('progress'),
    progressBar: byId<HTMLProgressElement>('progress-bar'),
    progressText: byId('progress-text'),
    receipt: byId('receipt'),
    status: byId('status'),
    refreshStatus: byId<HTMLButtonElement>('refresh-status'),
    countySection: byId('county-section'),
    refresh: byId<HTMLButtonElement>('refresh'),
    consolidated: byId<HTMLButtonElement>('consolidated'),
    consolidatedWhy: byId('consolidated-why'),
    totals: byId('totals'),
    townships: byId('townships'),
  };

  const state: State = { client: null, me: null, campaign: null, scheme: chooseScheme(null, undefined), issues: [] };
  const highlights: HighlightStore = caps.inExcel ? documentSettingsStore() : memoryStore();

  const notify = (text: string, tone: 'ok' | 'error' | 'info' = 'info') => {
    el.notice.className = `notice ${tone}`;
    el.notice.setAttribute('role', tone === 'error' ? 'alert' : 'status');
    el.notice.textContent = text;
  };

  /** Runs an action with its button busy; failures become a Chinese notice. */
  const busy = async (button: HTMLButtonElement, fn: () => Promise<void>) => {
    if (button.getAttribute('aria-busy') === 'true') return;
    const wasDisabled = button.disabled;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await fn();
    } catch (e) {
      notify(errorText(e), 'error');
    } finally {
      button.disabled = wasDisabled;
      button.removeAttribute('aria-busy');
    }
  };

  // --- where we run -------------------------------------------------------------------------
  el.mode.textContent = caps.inExcel ? '在 Excel 中运行：检查和上报当前打开的工作簿' : '独立网页：选择文件检查和上报，文件以下载方式保存';
  el.pick.hidden = caps.inExcel;
  el.workbookHint.textContent = caps.inExcel
    ? '检查当前打开的工作簿，规则与县里服务器的检查完全相同。点击问题可定位到单元格。'
    : '选择填好的 .xlsx 文件进行检查，规则与县里服务器的检查完全相同。';
  el.template.textContent = caps.inExcel ? '插入模板' : '下载模板';
  el.consolidated.textContent = caps.inExcel ? '打开汇总表' : '下载汇总表';
  el.highlightRow.hidden = !caps.inExcel;
  setAvailable(el.validate, caps.missing.readWorkbook, el.validateWhy);
  setAvailable(el.highlight, caps.missing.highlight, el.highlightWhy);
  setAvailable(el.clearHighlight, caps.missing.highlight);
  // Nothing to paint until a check has found cells; clearing stays available (highlights outlive the pane).
  el.highlight.disabled = true;

  const refreshAvailability = () => {
    const township = state.me?.role === 'township';
    const templateReason = !state.client ? '连接服务器后可获取本单位的模板。' : !township ? '模板按乡镇发放，请使用乡镇的令牌。' : caps.missing.insertTemplate;
    setAvailable(el.template, templateReason, el.templateWhy);
    setAvailable(el.upload, caps.missing.readWorkbook);
    setAvailable(el.consolidated, caps.missing.openWorkbook, el.consolidatedWhy);
    el.uploadSection.hidden = !township;
    el.countySection.hidden = state.me?.role !== 'county';
    // Templates are per township; the county has nothing to insert.
    el.template.hidden = state.me?.role === 'county';
    el.templateWhy.hidden = state.me?.role === 'county';
    // Once connected the form folds away; 断开 brings it back.
    el.disconnect.hidden = !state.client;
    el.fields.hidden = !!state.client;
    el.connect.hidden = !!state.client;
    el.schemeNote.textContent = state.scheme.caveat ?? '';
  };
  refreshAvailability();

  // --- the workbook's bytes -----------------------------------------------------------------
  const workbookBytes = async (): Promise<Uint8Array> => {
    if (caps.inExcel) return readOpenWorkbook();
    const file = el.file.files?.[0];
    if (!file) throw new ReadFileError('请先选择要检查的 .xlsx 文件。');
    return new Uint8Array(await file.arrayBuffer());
  };

  const showIssues = (issues: Issue[], title?: string) => {
    state.issues = issues;
    renderIssues(el.issues, issues, {
      title,
      onPick: caps.inExcel && !caps.missing.select ? (i) => void goTo(i) : undefined,
    });
    const cells = issues.some((i) => i.cell);
    el.highlight.disabled = !!caps.missing.highlight || !cells;
  };

  const goTo = async (i: Issue) => {
    if (!i.sheet) return;
    try {
      const r = await selectCell({ sheet: i.sheet, cell: i.cell });
      if (r === 'noSheet') notify(`工作簿中没有名为“${i.sheet}”的工作表。`, 'error');
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  const check = async (): Promise<{ bytes: Uint8Array; issues: Issue[] }> => {
    const bytes = await workbookBytes();
    const result = await readSubmission(bytes, state.scheme.scheme);
    showIssues(result.issues, '检查结果');
    return { bytes, issues: result.issues };
  };

  el.validate.addEventListener('click', () =>
    void busy(el.validate, async () => {
      notify('正在检查…');
      const { issues } = await check();
      notify(hasErrors(issues) ? '检查完成：有错误需要改正。' : '检查完成。', hasErrors(issues) ? 'error' : 'ok');
    }),
  );
  el.file.addEventListener('change', () => {
    const f = el.file.files?.[0];
    el.fileName.textContent = f ? f.name : '未选择文件';
    if (f) el.validate.click();
  });

  el.highlight.addEventListener('click', () =>
    void busy(el.highlight, async () => {
      const targets = state.issues.filter((i) => i.sheet && i.cell).map((i) => ({ sheet: i.sheet as string, cell: i.cell, severity: i.severity }));
      const r = await highlightCells(targets, highlights);
      notify(`已标出 ${r.painted} 个单元格（红色为错误，黄色为提醒）。改正后可点“清除标记”恢复原来的底色。`, 'info');
    }),
  );
  el.clearHighlight.addEventListener('click', () =>
    void busy(el.clearHighlight, async () => {
      const n = await clearHighlights(highlights);
      notify(n ? `已清除 ${n} 个单元格的标记。` : '没有需要清除的标记。', 'ok');
    }),
  );

  // --- template -----------------------------------------------------------------------------
  el.template.addEventListener('click', () =>
    void busy(el.template, async () => {
      const { client, me } = state;
      if (!client || !me?.townshipId) return;
      const file = await client.template(me.campaignId, me.townshipId);
      if (caps.inExcel) {
        const added = await insertTemplateSheets(bytesToBase64(file.bytes), TEMPLATE_SHEETS);
        notify(`已插入模板工作表：${added.join('、')}。`, 'ok');
      } else {
        downloadBytes(file.bytes, file.fileName ?? `${me.townshipName ?? me.townshipId}分类定级模板.xlsx`);
        notify('模板已下载，请填好后在此选择上报。', 'ok');
      }
    }),
  );

  // --- township: upload and status ----------------------------------------------------------
  const refreshStatus = async () => {
    const { client, me } = state;
    if (!client || !me?.townshipId) return;
    renderStatus(el.status, await client.status(me.campaignId, me.townshipId));
  };

  el.refreshStatus.addEventListener('click', () => void busy(el.refreshStatus, refreshStatus));

  const setProgress = (sent: number | null) => {
    el.progress.hidden = false;
    if (sent === null) {
      el.progressBar.removeAttribute('value');
      el.progressText.textContent = '已上传，服务器正在检查…';
    } else {
      el.progressBar.value = Math.round(sent * 100);
      el.progressText.textContent = `正在上传… ${Math.round(sent * 100)}%`;
    }
  };

  el.upload.addEventListener('click', () =>
    void busy(el.upload, async () => {
      const { client, me } = state;
      if (!client || !me?.townshipId) return;
      el.receipt.replaceChildren();
      notify('正在检查…');
      const { bytes, issues } = await check();
      // Only a check under the county's own standard may stop an upload; otherwise the server judges.
      if (hasErrors(issues) && state.scheme.caveat === null) {
        notify('工作簿有错误，未上报。请按下面的问题改正后再上报。', 'error');
        return;
      }
      setProgress(0);
      try {
        const outcome = await client.upload(me.campaignId, me.townshipId, bytes, (p) => setProgress(p.sent));
        if (outcome.kind === 'rejected') {
          showIssues(outcome.issues, '服务器检查结果');
          notify(`服务器未接收：${outcome.message}`, 'error');
          return;
        }
        renderReceipt(el.receipt, outcome.receipt, state.scheme.scheme);
        if (outcome.receipt.warnings.length) showIssues(outcome.receipt.warnings, '服务器检查结果');
        notify(`上报成功：第 ${outcome.receipt.version} 版，${formatTime(outcome.receipt.receivedAt)} 收到。`, 'ok');
        await refreshStatus();
      } finally {
        el.progress.hidden = true;
      }
    }),
  );

  // --- county -------------------------------------------------------------------------------
  const refreshCompleteness = async () => {
    const { client, me } = state;
    if (!client || me?.role !== 'county') return;
    const c = await client.completeness(me.campaignId);
    renderCompleteness(el.townships, el.totals, c, {
      review: async (townshipId, action) => {
        try {
          await client.review(me.campaignId, townshipId, action);
          const name = c.townships.find((t) => t.id === townshipId)?.name ?? townshipId;
          const verb = { accept: '已通过', return: '已退回', reopen: '已重新开放' }[action.action];
          notify(`${name}：${verb}。`, 'ok');
        } catch (e) {
          notify(errorText(e), 'error');
        }
        await refreshCompleteness().catch((e) => notify(errorText(e), 'error'));
      },
    });
  };
  el.refresh.addEventListener('click', () => void busy(el.refresh, refreshCompleteness));

  el.consolidated.addEventListener('click', () =>
    void busy(el.consolidated, async () => {
      const { client, me, campaign } = state;
      if (!client || !me) return;
      notify('正在生成汇总表…');
      const file = await client.consolidated(me.campaignId);
      if (caps.inExcel) {
        await openWorkbook(bytesToBase64(file.bytes));
        notify('汇总表已在新的 Excel 窗口中打开。', 'ok');
      } else {
        const name = file.fileName ?? (campaign ? `${campaign.county}${campaign.year}年分类定级汇总表.xlsx` : '分类定级汇总表.xlsx');
        downloadBytes(file.bytes, name);
        notify(`汇总表已下载：${name}`, 'ok');
      }
    }),
  );

  // --- connection ---------------------------------------------------------------------------
  const connect = async (serverUrl: string, token: string, remember: boolean) => {
    const client = new ApiClient(serverUrl, token);
    const who = await client.me();
    if (!who.campaignId) throw new ApiError('本县还没有工作批次，请先新建工作批次', 404, 'NO_CAMPAIGN');
    const me: ConnectedMe = { ...who, campaignId: who.campaignId };
    state.client = client;
    state.me = me;
    if (remember) await saveConnection({ serverUrl, token });
    state.campaign = null;
    let sent: unknown;
    try {
      const got = await client.campaign(me.campaignId);
      state.campaign = got.campaign;
      sent = got.scheme;
    } catch {
      // Without the campaign the local check falls back to a built-in standard (and says so).
    }
    state.scheme = chooseScheme(state.campaign, sent);
    const where = me.role === 'township' ? `${me.townshipName ?? me.townshipId}` : state.campaign?.county ?? '';
    const campaignText = state.campaign ? `${state.campaign.county} ${state.campaign.year} 年（截止 ${state.campaign.deadline}）` : me.campaignId;
    el.who.replaceChildren(
      h('p', {}, h('span', { className: 'badge submitted', id: 'role' }, ROLE_LABEL[me.role]), h('strong', { id: 'unit' }, where)),
      h('p', { className: 'hint' }, `工作：${campaignText}；令牌有效期至 ${formatTime(me.expiresAt)}`),
    );
    refreshAvailability();
    notify(`已连接：${ROLE_LABEL[me.role]} ${where}`, 'ok');
    if (me.role === 'township') await refreshStatus();
    else await refreshCompleteness();
  };

  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(el.connect, async () => {
      const url = el.url.value.trim();
      const token = el.token.value.trim();
      if (!url || !token) {
        notify('请填写服务器地址和令牌。', 'error');
        (url ? el.token : el.url).focus();
        return;
      }
      await connect(url, token, true);
    });
  });

  el.disconnect.addEventListener('click', () =>
    void busy(el.disconnect, async () => {
      await forgetConnection();
      Object.assign(state, { client: null, me: null, campaign: null, scheme: chooseScheme(null, undefined) });
      el.token.value = '';
      el.who.replaceChildren();
      el.status.replaceChildren();
      el.receipt.replaceChildren();
      el.townships.replaceChildren();
      el.totals.replaceChildren();
      refreshAvailability();
      notify('已断开，令牌已从本机删除。', 'info');
    }),
  );

  const saved = await loadConnection();
  if (saved) {
    el.url.value = saved.serverUrl;
    el.token.value = saved.token;
    await busy(el.connect, () => connect(saved.serverUrl, saved.token, false));
  } else if (/^https?:$/.test(location.protocol)) {
    el.url.value = location.origin;
  }
}
