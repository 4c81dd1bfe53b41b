// The campaign form's elements: each field with its label, a hint and the line where its message
// appears. No `required` or `pattern` attributes: the page says what is wrong itself, in Chinese
// (the browser's own bubbles are English in an English browser).
import { XLSX_MIME } from '../../../shared/api/contract';
import { h } from './dom';

export interface CampaignFormElements {
  form: HTMLFormElement;
  title: HTMLElement;
  lock: HTMLElement;
  year: HTMLInputElement;
  county: HTMLInputElement;
  deadline: HTMLInputElement;
  standards: Record<'keep' | 'default6' | 'yichun5' | 'custom', HTMLInputElement>;
  keepRow: HTMLElement;
  keepLabel: HTMLElement;
  schemeFile: HTMLInputElement;
  schemeName: HTMLElement;
  townships: HTMLTextAreaElement;
  /** 分类定级 / 回头看 (a new campaign only); a 回头看 has 被复查的批次 and neither standard nor 名册. */
  kinds: Record<'grading' | 'lookback', HTMLInputElement>;
  kindRow: HTMLElement;
  reviews: HTMLSelectElement;
  reviewsRow: HTMLElement;
  standardBox: HTMLElement;
  rosterBox: HTMLElement;
  townshipsHint: HTMLElement;
  /** 上一年度工作批次 (a new campaign only) and, under the 名册, its reconciliation. */
  previous: HTMLSelectElement;
  previousRow: HTMLElement;
  reconcile: HTMLElement;
  rosterTemplate: HTMLButtonElement;
  rosterFile: HTMLInputElement;
  rosterPick: HTMLLabelElement;
  paste: HTMLTextAreaElement;
  readPaste: HTMLButtonElement;
  rosterSummary: HTMLElement;
  clearRoster: HTMLButtonElement;
  rosterIssues: HTMLElement;
  notes: Record<'year' | 'county' | 'deadline' | 'standard' | 'townships' | 'roster' | 'reviews', HTMLElement>;
  submit: HTMLButtonElement;
  cancel: HTMLButtonElement;
  verdict: HTMLElement;
}

const note = (id: string) => h('p', { className: 'field-note', id: `${id}-note`, 'aria-live': 'polite' });

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement[] {
  input.setAttribute('aria-describedby', `${id}-note`);
  return [h('label', { for: id }, label), input, ...(hint ? [h('p', { className: 'hint' }, hint)] : [])];
}

export function campaignForm(): CampaignFormElements {
  const text = (id: string, extra: Record<string, string> = {}) => h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...extra });
  const radio = (value: string) => h('input', { type: 'radio', name: 'cf-standard', id: `cf-standard-${value}`, value });
  const notes = { year: note('cf-year'), county: note('cf-county'), deadline: note('cf-deadline'), standard: note('cf-standard'), townships: note('cf-townships'), roster: note('cf-roster'), reviews: note('cf-reviews') };
  const kind = (value: string) => h('input', { type: 'radio', name: 'cf-kind', id: `cf-kind-${value}`, value });
  const kinds = { grading: kind('grading'), lookback: kind('lookback') };
  const standards = { keep: radio('keep'), default6: radio('default6'), yichun5: radio('yichun5'), custom: radio('custom') };
  const keepLabel = h('span', {}, '保持本批次现有的标准');
  const keepRow = h('label', { className: 'choice', for: 'cf-standard-keep' }, standards.keep, keepLabel);
  const schemeFile = h('input', { id: 'cf-scheme-file', type: 'file', accept: '.json,application/json', className: 'visually-hidden' });
  const schemeName = h('span', { className: 'hint', id: 'cf-scheme-name' }, '未选择文件');
  const rosterFile = h('input', { id: 'cf-roster-file', type: 'file', accept: `.xlsx,${XLSX_MIME}`, className: 'visually-hidden' });
  const rosterPick = h('label', { for: 'cf-roster-file', className: 'file-button' }, '导入名册（.xlsx）…');
  const e: CampaignFormElements = {
    form: h('form', { id: 'campaign-form', novalidate: true }),
    title: h('h2', { id: 'admin-h' }, '新建工作批次'),
    lock: h('p', { className: 'notice info', id: 'cf-lock' }),
    year: text('cf-year', { inputmode: 'numeric', placeholder: '2026' }),
    county: text('cf-county', { maxlength: '40' }),
    deadline: text('cf-deadline', { placeholder: '2026-04-25' }),
    standards,
    keepRow,
    keepLabel,
    schemeFile,
    schemeName,
    townships: h('textarea', { id: 'cf-townships', rows: 4, placeholder: '城关镇\n东山乡\n西山镇' }),
    kinds,
    kindRow: h('fieldset', { className: 'choices', id: 'cf-kind' },
      h('legend', {}, '批次类型'),
      h('label', { className: 'choice', for: 'cf-kind-grading' }, kinds.grading, '分类定级（年度评定）'),
      h('label', { className: 'choice', for: 'cf-kind-lookback' }, kinds.lookback, '回头看（复查某次分类定级，可升可降）'),
    ),
    reviews: h('select', { id: 'cf-reviews' }),
    reviewsRow: h('div', { id: 'cf-reviews-row' }),
    standardBox: h('fieldset', { className: 'choices', id: 'cf-standard-box', 'aria-describedby': 'cf-standard-note' }),
    rosterBox: h('fieldset', { className: 'choices', id: 'cf-roster-box' }),
    townshipsHint: h('p', { className: 'hint', id: 'cf-townships-hint' }),
    previous: h('select', { id: 'cf-previous' }),
    previousRow: h('div', { id: 'cf-previous-row' }),
    reconcile: h('div', { id: 'cf-reconcile' }),
    rosterTemplate: h('button', { type: 'button', id: 'cf-roster-template' }, '下载名册模板'),
    rosterFile,
    rosterPick,
    paste: h('textarea', { id: 'cf-paste', rows: 4, placeholder: '乡镇（街道）\t党组织名称\t类别\t组织类型\t所属党总支' }),
    readPaste: h('button', { type: 'button', id: 'cf-read-paste' }, '读取粘贴的名册'),
    rosterSummary: h('span', { id: 'cf-roster-summary' }),
    clearRoster: h('button', { type: 'button', id: 'cf-clear-roster' }, '清除名册'),
    rosterIssues: h('div', { id: 'cf-roster-issues' }),
    notes,
    submit: h('button', { type: 'submit', id: 'cf-submit', className: 'primary' }, '创建工作批次'),
    cancel: h('button', { type: 'button', id: 'cf-cancel' }, '取消'),
    verdict: h('p', { id: 'admin-status', className: 'status-line', role: 'status', 'aria-live': 'polite' }),
  };
  e.previousRow.append(...field('cf-previous', '上一年度工作批次', e.previous, '选择后，上一年度的党组织、整改台账接续到本批次，并按上一年度的等次统计晋位升级；名册不导入时沿用上一年度的名册。'));
  e.reviewsRow.append(...field('cf-reviews', '被复查的分类定级批次', e.reviews, '回头看沿用该批次的乡镇（街道）、评定标准和党组织名册，重新评定其中的党组织。'), notes.reviews);
  e.townships.setAttribute('aria-describedby', 'cf-townships-note');
  e.standardBox.append(
    h('legend', {}, '评定标准'),
    keepRow,
    h('label', { className: 'choice', for: 'cf-standard-default6' }, standards.default6, '六类（村、社区、国企、非公、机关事业单位、社会组织；默认）'),
    h('label', { className: 'choice', for: 'cf-standard-yichun5' }, standards.yichun5, '宜春五类（农村、社区、机关、非公、教育卫生）'),
    h('label', { className: 'choice', for: 'cf-standard-custom' }, standards.custom, '本县自定的标准（JSON 文件）'),
    h('div', { className: 'row', id: 'cf-scheme-row' }, schemeFile, h('label', { for: 'cf-scheme-file', className: 'file-button' }, '选择标准文件…'), schemeName),
    notes.standard,
  );
  e.rosterBox.append(
    h('legend', {}, '党组织名册'),
    h('p', { className: 'hint' }, '每个乡镇（街道）下属的党组织：名称、类别、组织类型、所属党总支。乡镇（街道）下载的模板会预先填好。'),
    h('div', { className: 'row' }, e.rosterTemplate, rosterFile, rosterPick),
    h('details', { id: 'cf-paste-box' },
      h('summary', {}, '或从 Excel 复制后粘贴'),
      h('label', { for: 'cf-paste' }, '粘贴的名册（可含表头）'),
      e.paste,
      h('div', { className: 'row' }, e.readPaste),
    ),
    h('div', { className: 'row' }, e.rosterSummary, e.clearRoster),
    notes.roster,
    e.rosterIssues,
    e.reconcile,
  );
  e.form.append(
    e.kindRow,
    e.previousRow,
    e.reviewsRow,
    ...field('cf-year', '年度', e.year),
    notes.year,
    ...field('cf-county', '县（市、区）名称', e.county),
    notes.county,
    ...field('cf-deadline', '截止日期', e.deadline, '各乡镇（街道）在这一天北京时间 24 时前上报；可写 2026-04-25、2026/4/25 或 2026年4月25日。'),
    notes.deadline,
    e.standardBox,
    h('label', { for: 'cf-townships' }, '乡镇（街道）名单'),
    e.townships,
    e.townshipsHint,
    notes.townships,
    e.rosterBox,
    h('div', { className: 'row' }, e.submit, e.cancel),
    e.verdict,
  );
  return e;
}
