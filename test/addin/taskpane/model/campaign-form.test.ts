import type { RosterEntry } from '../../../../shared/api/contract';
import { issueText } from '../../../../shared/issues/catalogue';
import { defaultScheme, yichunSchemeInput } from '../../../../shared/scheme/default';
import { checkForm, deadlineFieldNote, splitTownships, type CampaignFormValues, type FormContext } from '../../../../addin/taskpane/model/campaign-form';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const base: CampaignFormValues = { year: '2026', county: '示范县', deadline: '2026-04-25', standard: 'default6', townships: '城关镇\n东山乡' };
const ctx = (o: Partial<FormContext> = {}): FormContext => ({ now: NOW, roster: null, customScheme: undefined, editing: null, ...o });
const entry = (township: string, name: string, row: number, category = '村'): RosterEntry => ({ township, name, category, row });
const roster = (entries: RosterEntry[]) => ({ entries, townships: [...new Set(entries.map((e) => e.township))].map((name) => ({ name })), issues: [] });

describe('splitTownships', () => {
  it.each([
    ['城关镇\n东山乡', ['城关镇', '东山乡']],
    [' 城关镇、东山乡，西山镇;北岭乡 ', ['城关镇', '东山乡', '西山镇', '北岭乡']],
    ['\r\n\n城关镇\r\n\r\n', ['城关镇']],
    ['', []],
  ])('%p → %p', (text, names) => expect(splitTownships(text)).toEqual(names));
});

describe('checkForm: what the county typed → the request, or the message beside the field', () => {
  it.each<[string, Partial<CampaignFormValues>, Partial<FormContext>, string, string]>([
    ['a year in full-width digits is read', { year: '２０２６' }, {}, 'ok', ''],
    ['a deadline written the Chinese way is read', { deadline: '2026年4月25日' }, {}, 'ok', ''],
    ['no year', { year: ' ' }, {}, 'year', '请填写年度，如 2026'],
    ['a year that is not a number', { year: '二〇二六' }, {}, 'year', '年度“二〇二六”应为四位数字，如 2026'],
    ['a year out of range (the contract’s rule and words)', { year: '1999' }, {}, 'year', '年度：不能小于 2000'],
    ['no county name', { county: '  ' }, {}, 'county', '县（市、区）名称：不能为空'],
    ['an impossible date', { deadline: '2026-02-30' }, {}, 'deadline', '截止日期：“2026-02-30”不是有效的日期，请写成 2026-04-25 的形式'],
    ['no township and no 名册', { townships: '' }, {}, 'townships', '请填写乡镇（街道）名单，或在下面导入党组织名册（名单按名册中的乡镇生成）'],
    ['a township twice (Traditional characters are the same name)', { townships: '城关镇\n城關鎮' }, {}, 'townships', issueText('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: '城關鎮' })],
    ['the county’s own standard without its file', { standard: 'custom' }, {}, 'standard', '请选择本县的评定标准文件（.json）'],
    ['a 名册 township not on the list', {}, { roster: roster([entry('西山镇', '西山村党支部', 2)]) }, 'roster', `${issueText('CAMPAIGN_ROSTER_UNKNOWN', { id: '西山镇' })}；请把它加入名单，或清空名单（按名册生成）`],
    ['a 名册 still with errors', {}, { roster: { ...roster([]), issues: [{ code: 'ROSTER_NAME_BLANK', num: 372, severity: 'error', message: 'x' }] } }, 'roster', '名册中有 1 处错误，请改正后重新读取'],
    // A long 名册's list ends with the count of those not listed (shared/issues/cap.ts): the true total.
    [
      'a 名册 with more errors than are listed',
      {},
      { roster: { ...roster([]), issues: [{ code: 'ROSTER_NAME_BLANK', num: 372, severity: 'error', message: 'x' }, { code: 'ISSUES_MORE', num: 251, severity: 'error', message: 'y', params: { shown: 1, more: 900, errors: 800, warnings: 100, notes: 0 } }] } },
      'roster',
      '名册中有 801 处错误，请改正后重新读取',
    ],
  ])('%s', (_what, values, context, field, text) => {
    const r = checkForm({ ...base, ...values }, ctx(context));
    if (field === 'ok') {
      expect(r.ok).toBe(true);
      return;
    }
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields[field as keyof typeof r.fields]?.text).toBe(text);
  });

  it('builds the request: year as a number, the date normalized by the server, the built-in standard', () => {
    const r = checkForm({ ...base, deadline: '2026/4/25', standard: 'yichun5' }, ctx());
    expect(r).toMatchObject({ ok: true, body: { year: 2026, county: '示范县', deadline: '2026/4/25', townships: [{ name: '城关镇' }, { name: '东山乡' }], schemeId: 'yichun5' } });
  });

  it('without a township list the townships are the 名册’s, in order of appearance; the 名册 is keyed by township name', () => {
    const r = checkForm({ ...base, townships: '' }, ctx({ roster: roster([entry('东山乡', '东山村党支部', 2), entry('城关镇', '城关社区党支部', 3, '社区'), entry('东山乡', '西坡村党支部', 4)]) }));
    expect(r.ok && r.body.townships).toEqual([{ name: '东山乡' }, { name: '城关镇' }]);
    expect(r.ok && r.body.roster).toEqual({ 东山乡: [{ name: '东山村党支部', category: '村' }, { name: '西坡村党支部', category: '村' }], 城关镇: [{ name: '城关社区党支部', category: '社区' }] });
  });

  it('a past deadline is sent, with the server’s warning beside the field', () => {
    const r = checkForm({ ...base, deadline: '2026-02-20' }, ctx());
    expect(r.ok && r.warnings.deadline).toEqual({ tone: 'warning', text: issueText('DEADLINE_PAST', { deadline: '2026-02-20' }) });
  });

  it('the county’s own standard is sent as parsed; an invalid one is refused with the field named', () => {
    const good = checkForm({ ...base, standard: 'custom' }, ctx({ customScheme: yichunSchemeInput }));
    expect(good.ok && good.body.scheme).toBe(yichunSchemeInput);
    const bad = checkForm({ ...base, standard: 'custom' }, ctx({ customScheme: { ...yichunSchemeInput, totalMax: 'x' } }));
    expect(!bad.ok && bad.fields.standard?.text).toMatch(/^评定标准（scheme）无效：totalMax：/);
  });

  it('an edit keeps each listed township’s id and sends the roster it read for the townships still listed', () => {
    const editing = {
      townships: [{ id: 't01', name: '城关镇' }, { id: 't02', name: '东山乡' }, { id: 't03', name: '西山镇' }],
      roster: { t01: [{ name: '城关社区党支部', category: '社区' }], t03: [{ name: '西山村党支部', category: '村' }] },
      scheme: defaultScheme,
    };
    const r = checkForm({ ...base, standard: 'keep', townships: '城关镇\n东山乡\n南湖镇' }, ctx({ editing }));
    expect(r.ok && r.body.townships).toEqual([{ id: 't01', name: '城关镇' }, { id: 't02', name: '东山乡' }, { name: '南湖镇' }]);
    expect(r.ok && r.body.roster).toEqual({ 城关镇: [{ name: '城关社区党支部', category: '社区' }] });
    expect(r.ok && 'schemeId' in r.body).toBe(false);
  });
});

describe('deadlineFieldNote (while typing)', () => {
  it.each([
    ['', null],
    ['2026-04-25', null],
    ['2026-02-30', { tone: 'error', text: '截止日期：“2026-02-30”不是有效的日期，请写成 2026-04-25 的形式' }],
    ['2026-02-28', { tone: 'warning', text: issueText('DEADLINE_PAST', { deadline: '2026-02-28' }) }],
    // The end of the deadline day in Beijing is 16:00 UTC: on 2026-02-28 at 15:59 UTC it is not past.
    ['2026-02-28', null, Date.parse('2026-02-28T15:59:00Z')],
  ] as Array<[string, unknown, number?]>)('%p', (text, expected, now = NOW) => {
    expect(deadlineFieldNote(text, now)).toEqual(expected);
  });
});
