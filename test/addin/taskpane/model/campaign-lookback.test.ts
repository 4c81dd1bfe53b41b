import type { CampaignDetail } from '../../../../shared/api/contract';
import { issueText } from '../../../../shared/issues/catalogue';
import { defaultScheme } from '../../../../shared/scheme/default';
import { checkForm, type CampaignFormValues, type FormContext, type LinkedCampaign } from '../../../../addin/taskpane/model/campaign-form';
import { linkedOf, linkFill } from '../../../../addin/taskpane/model/campaign-links';

const NOW = Date.parse('2032-09-01T00:00:00Z');
const REVIEWED: LinkedCampaign = { id: 'shifan-2032', year: 2032, county: '示范县', townships: [{ id: 'hb', name: '湖滨镇' }, { id: 'qt', name: '桥头镇' }] };
const lookback: CampaignFormValues = { kind: 'lookback', reviewsId: 'shifan-2032', year: '2032', county: '示范县', deadline: '2032-11-30', standard: 'default6', townships: '湖滨镇\n桥头镇' };
const ctx = (o: Partial<FormContext> = {}): FormContext => ({ now: NOW, roster: null, customScheme: undefined, editing: null, reviewed: REVIEWED, ...o });

describe('checkForm: a 回头看', () => {
  it.each<[string, Partial<CampaignFormValues>, Partial<FormContext>, string, string]>([
    ['all of the reviewed townships', {}, {}, 'ok', ''],
    ['some of them (a subset is regraded)', { townships: '桥头镇' }, {}, 'ok', ''],
    ['the reviewed grading not read yet: the server checks the townships', { townships: '西山镇' }, { reviewed: null }, 'ok', ''],
    ['no reviewed grading chosen', { reviewsId: '' }, {}, 'reviews', '请选择回头看要复查的分类定级批次'],
    ['a township the reviewed grading does not have', { townships: '湖滨镇\n西山镇' }, {}, 'townships', issueText('CAMPAIGN_LOOKBACK_TOWNSHIP', { name: '西山镇', id: '2032 年度 示范县' })],
    ['a township twice', { townships: '湖滨镇\n湖滨镇' }, {}, 'townships', issueText('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: '湖滨镇' })],
    ['no township', { townships: ' ' }, {}, 'townships', '请填写回头看的乡镇（街道），每行一个（选择被复查的批次后自动填入）'],
    ['an impossible date', { deadline: '2032-02-30' }, {}, 'deadline', '截止日期：“2032-02-30”不是有效的日期，请写成 2026-04-25 的形式'],
    ['no year', { year: '' }, {}, 'year', '请填写年度，如 2026'],
  ])('%s', (_what, values, context, field, text) => {
    const r = checkForm({ ...lookback, ...values }, ctx(context));
    if (field === 'ok') {
      expect(r.ok).toBe(true);
      return;
    }
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields[field as keyof typeof r.fields]?.text).toBe(text);
  });

  it('sends kind and reviewsId with the reviewed townships’ ids, and neither standard, 名册 nor predecessor', () => {
    const r = checkForm({ ...lookback, standard: 'yichun5', previousId: 'shifan-2031' }, ctx());
    expect(r.ok && r.body).toEqual({ kind: 'lookback', reviewsId: 'shifan-2032', year: 2032, county: '示范县', deadline: '2032-11-30', townships: [{ id: 'hb', name: '湖滨镇' }, { id: 'qt', name: '桥头镇' }] });
  });

  it('a past deadline is a warning beside the field', () => {
    const r = checkForm({ ...lookback, deadline: '2032-08-01' }, ctx());
    expect(r.ok && r.warnings.deadline).toEqual({ tone: 'warning', text: issueText('DEADLINE_PAST', { deadline: '2032-08-01' }) });
  });

  it('an edit of a 回头看 sends its own townships’ ids and no 名册 (the server refuses one)', () => {
    const editing = { townships: [{ id: 'hb', name: '湖滨镇' }], roster: { hb: [{ name: '湖滨村党支部' }] }, scheme: defaultScheme };
    const r = checkForm({ ...lookback, townships: '湖滨镇', standard: 'keep' }, ctx({ editing, reviewed: null }));
    expect(r.ok && r.body).toEqual({ kind: 'lookback', reviewsId: 'shifan-2032', year: 2032, county: '示范县', deadline: '2032-11-30', townships: [{ id: 'hb', name: '湖滨镇' }] });
  });
});

function detail(o: Partial<CampaignDetail>): CampaignDetail {
  return {
    id: 'shifan-2031', year: 2031, county: '示范县', deadline: '2031-04-25', schemeId: 'yichun5', schemeFingerprint: 'f', createdAt: '2031-01-01T00:00:00Z',
    townships: [{ id: 'hb', name: '湖滨镇' }, { id: 'qt', name: '桥头镇' }],
    countyId: 'shifan', revision: 1, updatedAt: '2031-01-01T00:00:00Z', scheme: {}, roster: { hb: [{ name: '湖滨村党支部' }, { name: '湖滨社区党支部' }], qt: [{ name: '桥头村党支部' }] },
    ...o,
  } as CampaignDetail;
}

describe('linkFill: what a chosen campaign fills in', () => {
  it.each<[string, 'previous' | 'reviews', Partial<CampaignDetail>, Partial<CampaignFormValues>, string]>([
    ['a predecessor: the year after it, its townships and built-in standard; its organizations carry over without a 名册', 'previous', {}, { year: '2032', townships: '湖滨镇\n桥头镇', standard: 'yichun5' },
      '已按上一年度批次（2031 年度 示范县）填入年度 2032、2 个乡镇（街道）和评定标准；不导入名册时沿用上一年度的 3 个党组织。可以修改。'],
    ['a predecessor with the county’s own standard and no 名册: the year after it and the townships', 'previous', { schemeId: 'custom-abc', roster: {} }, { year: '2032', townships: '湖滨镇\n桥头镇' },
      '已按上一年度批次（2031 年度 示范县）填入年度 2032、2 个乡镇（街道）。可以修改。'],
    ['a reviewed grading: its year, county and townships', 'reviews', { county: '示范县（新）' }, { year: '2031', county: '示范县（新）', townships: '湖滨镇\n桥头镇' },
      '已按被复查的批次（2031 年度 示范县（新））填入年度和 2 个乡镇（街道）；回头看沿用该批次的评定标准和党组织名册。请填写截止日期；不参加回头看的乡镇（街道）可从名单中删去。'],
  ])('%s', (_what, role, o, values, said) => {
    expect(linkFill(detail(o), role)).toEqual({ values, said });
  });

  it('a predecessor chosen after a later year was typed: that year is kept, and not said as filled', () => {
    expect(linkFill(detail({}), 'previous', '2033')).toEqual({ values: { townships: '湖滨镇\n桥头镇', standard: 'yichun5' }, said: '已按上一年度批次（2031 年度 示范县）填入 2 个乡镇（街道）和评定标准；不导入名册时沿用上一年度的 3 个党组织。可以修改。' });
  });

  it('the linked campaign keeps its townships’ ids and counts its 名册', () => {
    expect(linkedOf(detail({}), 'reviews')).toEqual({ role: 'reviews', id: 'shifan-2031', year: 2031, county: '示范县', townships: [{ id: 'hb', name: '湖滨镇' }, { id: 'qt', name: '桥头镇' }], rosterCount: 3 });
  });
});

describe('checkForm: a deadline left blank', () => {
  it.each<[string, Partial<CampaignFormValues>]>([
    ['a 回头看', {}],
    ['a grading', { kind: 'grading', reviewsId: '' }],
  ])('%s: said plainly beside the field', (_what, values) => {
    const r = checkForm({ ...lookback, ...values, deadline: ' ' }, ctx());
    expect(!r.ok && r.fields.deadline).toEqual({ tone: 'error', text: '请填写截止日期，如 2026-04-25' });
  });
});
