import type { CampaignFormValues } from '../../../../addin/taskpane/model/campaign-form';
import { rebaseEdit, rebaseText } from '../../../../addin/taskpane/model/edit-rebase';

const BASE: CampaignFormValues = { year: '2026', county: '青山县', deadline: '2026-04-25', standard: 'keep', townships: '东山镇\n西河乡' };
const form = (o: Partial<CampaignFormValues>): CampaignFormValues => ({ ...BASE, ...o });

describe('rebaseEdit: my unsaved changes onto the latest', () => {
  it.each<[string, Partial<CampaignFormValues>, Partial<CampaignFormValues>, Partial<CampaignFormValues>, string[], Array<{ label: string; typed: string }>]>([
    ['nothing changed by me', {}, { deadline: '2026-05-01' }, { deadline: '2026-05-01' }, [], []],
    ['I changed the deadline, they did not', { deadline: '2026-04-30' }, { townships: '东山镇\n西河乡\n南岭街道' }, { deadline: '2026-04-30', townships: '东山镇\n西河乡\n南岭街道' }, ['截止日期'], []],
    ['both changed the deadline: theirs stands', { deadline: '2026-04-30' }, { deadline: '2026-05-01' }, { deadline: '2026-05-01' }, [], [{ label: '截止日期', typed: '2026-04-30' }]],
    ['both made the same change', { deadline: '2026-05-01' }, { deadline: '2026-05-01' }, { deadline: '2026-05-01' }, [], []],
    ['only spaces and separators differ: no change', { townships: ' 东山镇、西河乡 ', deadline: ' 2026-04-25' }, { deadline: '2026-05-01' }, { deadline: '2026-05-01', townships: '东山镇\n西河乡' }, [], []],
    ['both changed the township list', { townships: '东山镇' }, { townships: '东山镇\n西河乡\n北坪镇' }, { townships: '东山镇\n西河乡\n北坪镇' }, [], [{ label: '乡镇（街道）名单', typed: '东山镇' }]],
    ['I changed year and county, they the deadline', { year: '2027', county: '青山区' }, { deadline: '2026-05-01' }, { year: '2027', county: '青山区', deadline: '2026-05-01' }, ['年度', '县（市、区）名称'], []],
  ])('%s', (_name, mine, theirs, want, kept, clashed) => {
    const r = rebaseEdit(BASE, form(mine), form(theirs));
    expect(r).toEqual({ values: form(want), kept, clashed });
  });
});

describe('rebaseText', () => {
  const stale = '您修改的是第 1 版批次设置，但它已被改为第 2 版';
  it.each([
    ['nothing of mine', { kept: [], clashed: [] }, `${stale}。页面已重新载入最新的批次设置，请核对后再保存。`],
    ['kept', { kept: ['截止日期'], clashed: [] }, `${stale}。页面已载入最新的批次设置，并保留了您未保存的修改（截止日期）。请核对后再保存。`],
    [
      'kept and clashed',
      { kept: ['年度'], clashed: [{ label: '截止日期', typed: '2026-04-30' }] },
      `${stale}。页面已载入最新的批次设置，并保留了您未保存的修改（年度）；截止日期已被他人改过，表中为最新内容，您填的“2026-04-30”未保存。请核对后再保存。`,
    ],
  ])('%s', (_name, r, text) => {
    expect(rebaseText(stale, { values: BASE, ...r })).toBe(text);
  });
});
