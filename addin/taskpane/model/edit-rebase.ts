// Two tabs (or two clerks) editing one campaign: the second to save is refused (409, its revision
// is stale) and the form reloads the latest. Reloading alone threw away what that clerk had typed,
// with only "请核对后再保存" to say so. Here what they changed is carried onto the latest, field by
// field, where the other save left the field as it was; where both changed a field the latest
// stands (nothing of the other's change is overwritten) and the clerk is told what they had typed.
// Pure.
import { splitTownships, type CampaignFormValues } from './campaign-form';

type Carried = 'year' | 'county' | 'deadline' | 'townships';

const LABEL: Readonly<Record<Carried, string>> = {
  year: '年度',
  county: '县（市、区）名称',
  deadline: '截止日期',
  townships: '乡镇（街道）名单',
};

/** A field as compared: spaces around it do not count, nor how the township names are separated. */
function norm(v: CampaignFormValues, k: Carried): string {
  return k === 'townships' ? splitTownships(v.townships).join('、') : v[k].trim();
}

export interface Rebased {
  /** The latest, with the clerk's own changes where nobody else changed the field. */
  values: CampaignFormValues;
  /** Labels of the fields carried over. */
  kept: string[];
  /** Fields both changed: the latest stands; what the clerk had typed. */
  clashed: Array<{ label: string; typed: string }>;
}

/** `base`: the form as first read; `mine`: as the clerk submitted it; `latest`: as now stored. */
export function rebaseEdit(base: CampaignFormValues, mine: CampaignFormValues, latest: CampaignFormValues): Rebased {
  const values = { ...latest };
  const kept: string[] = [];
  const clashed: Rebased['clashed'] = [];
  for (const k of Object.keys(LABEL) as Carried[]) {
    const [b, m, l] = [norm(base, k), norm(mine, k), norm(latest, k)];
    if (m === b || m === l) continue;
    if (l === b) {
      values[k] = mine[k];
      kept.push(LABEL[k]);
    } else clashed.push({ label: LABEL[k], typed: m });
  }
  return { values, kept, clashed };
}

/** The sentence after the server's “您修改的是第 1 版…已被改为第 2 版”. */
export function rebaseText(stale: string, r: Rebased): string {
  const head = `${stale}。页面已载入最新的批次设置`;
  const kept = r.kept.length ? `，并保留了您未保存的修改（${r.kept.join('、')}）` : '';
  const clashed = r.clashed.map((c) => `；${c.label}已被他人改过，表中为最新内容，您填的“${c.typed}”未保存`).join('');
  return r.kept.length || r.clashed.length ? `${head}${kept}${clashed}。请核对后再保存。` : `${stale}。页面已重新载入最新的批次设置，请核对后再保存。`;
}
