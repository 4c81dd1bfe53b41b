// The 检查与上报 card: deadline, file, the buttons, the verdict line right under them, the issue
// list, and the receipt. After a click the verdict and the first issues are brought into view.
import type { CheckUploadController } from '../controllers/check-upload';
import { uploadBlocked } from '../controllers/check-upload';
import type { Capabilities } from '../host/capabilities';
import { deadlineNote } from '../model/deadline';
import type { Clock } from '../ports';
import type { AppState, Store } from '../state';
import { byId, setAvailable } from '../ui/dom';
import { renderIssues } from '../ui/issue-list';
import { renderVerdict } from '../ui/status-line';
import { renderReceipt } from '../ui/township-view';

function setBusy(button: HTMLButtonElement, busy: boolean | undefined): void {
  if (busy) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  } else button.removeAttribute('aria-busy');
}

/** Scrolls the buttons to the top when the verdict or the start of the issue list is out of sight. */
function reveal(actions: HTMLElement, verdict: HTMLElement): void {
  const summary = document.getElementById('issue-summary');
  const bottom = Math.max(verdict.getBoundingClientRect().bottom, summary?.getBoundingClientRect().bottom ?? 0);
  if (actions.getBoundingClientRect().top < 0 || bottom > window.innerHeight) actions.scrollIntoView({ block: 'start' });
}

export function workView(store: Store<AppState>, ctl: CheckUploadController, caps: Capabilities, clock: Clock): void {
  const el = {
    section: byId('work-section'),
    heading: byId('work-h'),
    mode: byId('mode'),
    hint: byId('workbook-hint'),
    deadline: byId('deadline'),
    pick: byId('pick'),
    file: byId<HTMLInputElement>('file'),
    fileName: byId('file-name'),
    actions: byId('work-actions'),
    validate: byId<HTMLButtonElement>('validate'),
    upload: byId<HTMLButtonElement>('upload'),
    template: byId<HTMLButtonElement>('template'),
    verdict: byId('work-status'),
    uploadWhy: byId('upload-why'),
    validateWhy: byId('validate-why'),
    templateWhy: byId('template-why'),
    progress: byId('progress'),
    progressBar: byId<HTMLProgressElement>('progress-bar'),
    progressText: byId('progress-text'),
    schemeNote: byId('scheme-note'),
    issues: byId('issues'),
    highlightRow: byId('highlight-row'),
    highlight: byId<HTMLButtonElement>('highlight'),
    clearHighlight: byId<HTMLButtonElement>('clear-highlight'),
    highlightWhy: byId('highlight-why'),
    receipt: byId('receipt'),
  };

  // Where we run does not change: set once.
  el.mode.textContent = caps.inExcel ? '在 Excel 中运行：检查和上报当前打开的工作簿' : '独立网页：选择文件检查和上报，文件以下载方式保存';
  el.pick.hidden = caps.inExcel;
  el.hint.textContent = caps.inExcel
    ? '检查当前打开的工作簿，规则与县里服务器的检查完全相同。点击问题可定位到单元格。'
    : '选择填好的 .xlsx 文件，规则与县里服务器的检查完全相同。';
  el.template.textContent = caps.inExcel ? '插入模板' : '下载模板';
  el.highlightRow.hidden = !caps.inExcel;

  el.validate.addEventListener('click', () => void ctl.check());
  el.upload.addEventListener('click', () => void ctl.upload());
  el.template.addEventListener('click', () => void ctl.template());
  el.highlight.addEventListener('click', () => void ctl.highlight());
  el.clearHighlight.addEventListener('click', () => void ctl.clearHighlights());
  el.file.addEventListener('change', () => void ctl.picked(el.file.files?.[0]?.name ?? null));

  const render = (s: AppState, prev: AppState | null) => {
    if (prev && s.work === prev.work && s.connection === prev.connection && s.township === prev.township && s.busy === prev.busy) return;
    const { me, campaign, scheme } = s.connection;
    const connected = s.connection.phase === 'connected';
    const county = me?.role === 'county';
    el.heading.textContent = county ? '检查工作簿' : '检查与上报';
    // A county without a campaign has no standard to check against yet.
    el.section.hidden = county && !campaign;

    const note = campaign && !county ? deadlineNote(campaign.deadline, clock.now(), s.township.status) : null;
    el.deadline.hidden = !note;
    el.deadline.textContent = note?.text ?? '';
    el.deadline.className = note?.late ? 'deadline late' : 'deadline';

    el.fileName.textContent = s.work.fileName ?? '未选择文件';
    setAvailable(el.validate, caps.missing.readWorkbook, el.validateWhy);
    setBusy(el.validate, s.busy.check);

    el.upload.hidden = county;
    el.uploadWhy.hidden = county;
    setAvailable(el.upload, uploadBlocked(s, caps), el.uploadWhy);
    setBusy(el.upload, s.busy.upload);

    el.template.hidden = county;
    el.templateWhy.hidden = county;
    setAvailable(el.template, !connected ? '连接服务器后可获取本单位的模板。' : caps.missing.insertTemplate, el.templateWhy);
    setBusy(el.template, s.busy.template);

    renderVerdict(el.verdict, s.work.verdict);
    const p = s.work.progress;
    el.progress.hidden = p === undefined;
    if (p === null) {
      el.progressBar.removeAttribute('value');
      el.progressText.textContent = '已上传，服务器正在检查…';
    } else if (p !== undefined) {
      el.progressBar.value = Math.round(p * 100);
      el.progressText.textContent = `正在上传… ${Math.round(p * 100)}%`;
    }
    el.schemeNote.textContent = scheme.caveat ?? '';

    if (!prev || s.work.report !== prev.work.report) {
      const r = s.work.report;
      if (r) renderIssues(el.issues, r.issues, { title: r.title, onPick: caps.inExcel && !caps.missing.select ? (i) => void ctl.goTo(i) : undefined });
      else el.issues.replaceChildren();
    }
    const cells = !!s.work.report?.issues.some((i) => i.cell);
    setAvailable(el.highlight, caps.missing.highlight, el.highlightWhy);
    // Nothing to paint until a check has found cells; clearing stays available (highlights outlive the pane).
    if (!cells) el.highlight.disabled = true;
    setBusy(el.highlight, s.busy.highlight);
    setAvailable(el.clearHighlight, caps.missing.highlight);
    setBusy(el.clearHighlight, s.busy.clearHighlight);

    const { receipt, receiptTitle } = s.work;
    if (receipt && receiptTitle) renderReceipt(el.receipt, receipt, scheme.scheme, receiptTitle);
    else el.receipt.replaceChildren();

    if (prev && s.work.reveal !== prev.work.reveal) reveal(el.actions, el.verdict);
  };
  render(store.get(), null);
  store.subscribe(render);
}
