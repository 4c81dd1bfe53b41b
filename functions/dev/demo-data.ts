// The demo county's data: 12 townships, their organizations (the same sample rows feed the 名册
// and the filled workbooks, so the template's pre-filled names match), three clerks' mistakes.
import { defaultScheme } from '../../shared';
import { ROSTER_COLUMNS, ROSTER_SHEET } from '../../shared/roster/sheet';
import { ORG_TYPES } from '../../shared/template/definition';
import { loadWorkbook, workbookBytes } from '../../shared/template/excel';
import type { FillOrg } from '../../shared/template/fill';
import { sampleOrgs, type Sample } from '../../shared/template/sample';

export const TOWNSHIPS = [
  ['chengguan', '城关镇'], ['dongshan', '东山镇'], ['xihe', '西河乡'], ['nanling', '南岭乡'],
  ['beiping', '北坪镇'], ['shiqiao', '石桥镇'], ['liuxi', '柳溪乡'], ['fenglin', '枫林镇'],
  ['taoyuan', '桃园街道'], ['songpo', '松坡乡'], ['meiling', '梅岭镇'], ['lantian', '兰田乡'],
].map(([id, name]) => ({ id: id as string, name: name as string }));

export type Mistake = { label: string; apply: (orgs: FillOrg[]) => void };
export const MISTAKES: Record<string, Mistake> = {
  xihe: { label: '分数写成“九十分”、一项超过满分', apply: (o) => { (o[1] as FillOrg).scores[0] = '九十分'; (o[3] as FillOrg).scores[6] = 30; } },
  nanling: { label: '等次与得分不符、类别写错', apply: (o) => { (o[2] as FillOrg).grade = '好'; (o[5] as FillOrg).category = '农场'; } },
  shiqiao: { label: '缺党组织名称、总分手工改错', apply: (o) => { (o[0] as FillOrg).name = ''; (o[4] as FillOrg).total = 99; } },
};

/** Each township's organizations: the same seed gives the same rows every time. */
export function townshipSample(i: number, t: { name: string }, seed = 100 + i): Sample {
  return sampleOrgs(defaultScheme, 20 + (i % 4) * 3, seed, { prefix: t.name.slice(0, 2) });
}

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** The county's 名册: the blank template from the server with every township's organizations filled in. */
export async function fillRoster(template: Uint8Array, rows: Array<{ township: string; org: FillOrg }>): Promise<Uint8Array> {
  const wb = await loadWorkbook(template);
  const ws = wb.getWorksheet(ROSTER_SHEET);
  if (!ws) throw new Error('名册模板中没有“党组织名册”工作表');
  const col = (key: string) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
  // Under the header, wherever the template puts it (the unit/date block is above it).
  let header = 1;
  while (header <= ws.rowCount && ws.getCell(header, col('township')).value !== ROSTER_COLUMNS[0]?.header) header++;
  if (header > ws.rowCount) throw new Error('名册模板中没有表头');
  rows.forEach(({ township, org }, k) => {
    const r = header + 1 + k;
    ws.getCell(r, col('township')).value = township;
    ws.getCell(r, col('name')).value = text(org.name);
    ws.getCell(r, col('category')).value = text(org.category);
    const type = ORG_TYPES.find((o) => o.label === text(org.orgType) || o.key === text(org.orgType));
    if (type) ws.getCell(r, col('orgType')).value = type.label;
    if (text(org.parent)) ws.getCell(r, col('parent')).value = text(org.parent);
  });
  return workbookBytes(wb);
}
