// `npm run demo [-- --url http://localhost:7071]`: a county's reporting round end to end. Creates a
// campaign of 12 townships, fills their workbooks (three with mistakes clerks make), uploads them,
// shows the refusals, fixes one, returns and re-submits one, accepts the rest and writes the
// consolidated workbook to .data/demo/县汇总表.xlsx. Without --url it starts its own in-memory stack.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultScheme } from '../../shared';
import type { Completeness, ErrorBody, Receipt } from '../../shared/api/contract';
import { fillTemplate, type FillOrg } from '../../shared/template/fill';
import { sampleOrgs } from '../../shared/template/sample';
import { apiCall } from './api-call';
import { mintToken } from '../src/auth/token';
import { startAzuriteServers } from './azurite';
import { argValue, dataDir, devSecret } from './env';
import { startDevHost } from './host';

const TOWNSHIPS = [
  ['chengguan', '城关镇'], ['dongshan', '东山镇'], ['xihe', '西河乡'], ['nanling', '南岭乡'],
  ['beiping', '北坪镇'], ['shiqiao', '石桥镇'], ['liuxi', '柳溪乡'], ['fenglin', '枫林镇'],
  ['taoyuan', '桃园街道'], ['songpo', '松坡乡'], ['meiling', '梅岭镇'], ['lantian', '兰田乡'],
].map(([id, name]) => ({ id: id as string, name: name as string }));

type Mistake = { label: string; apply: (orgs: FillOrg[]) => void };
const MISTAKES: Record<string, Mistake> = {
  xihe: { label: '分数写成“九十分”、一项超过满分', apply: (o) => { (o[1] as FillOrg).scores[0] = '九十分'; (o[3] as FillOrg).scores[6] = 30; } },
  nanling: { label: '等次与得分不符、类别写错', apply: (o) => { (o[2] as FillOrg).grade = '好'; (o[5] as FillOrg).category = '农场'; } },
  shiqiao: { label: '缺党组织名称、总分手工改错', apply: (o) => { (o[0] as FillOrg).name = ''; (o[4] as FillOrg).total = 99; } },
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = argValue(args, 'url');
  let stopLocal: (() => Promise<void>) | undefined;
  let base = url?.replace(/\/+$/, '');
  let secret: string;
  if (base) {
    secret = devSecret();
  } else {
    secret = 'demo-secret-0123456789abcdef';
    const az = await startAzuriteServers();
    const host = await startDevHost({ port: 0, connectionString: az.connectionString, secret });
    base = host.url;
    stopLocal = async () => {
      await host.close();
      await az.stop();
    };
    console.log(`已在本进程内启动演示环境：${base}（内存中的 Azurite）`);
  }
  const campaignId = argValue(args, 'campaign') ?? (url ? `demo-${Date.now().toString(36)}` : 'c2026');
  const county = mintToken({ role: 'county', campaignId, days: 1 }, secret);
  const api = `${base}/api`;
  const call = (method: string, p: string, token: string, body?: unknown): Promise<Response> => apiCall(api, method, p, token, body);

  try {
    // A deadline a month ahead, so nobody is late in the demo.
    const deadline = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const created = await call('POST', '/campaigns', county, { id: campaignId, year: 2026, county: '青山县', deadline, townships: TOWNSHIPS });
    if (created.status !== 201) throw new Error(`创建批次失败：${created.status} ${await created.text()}`);
    console.log(`\n1. 县委组织部创建批次 ${campaignId}：青山县 2026 年度，${TOWNSHIPS.length} 个乡镇（街道），截止 ${deadline}（一个月后，演示中无人逾期）`);

    console.log('\n2. 各乡镇下载模板、填报并上报（北坪镇故意不报）');
    const kept = new Map<string, Uint8Array>();
    for (const [i, t] of TOWNSHIPS.entries()) {
      if (t.id === 'beiping') continue;
      const token = mintToken({ role: 'township', campaignId, townshipId: t.id, days: 1 }, secret);
      const tpl = new Uint8Array(await (await call('GET', `/campaigns/${campaignId}/townships/${t.id}/template`, token)).arrayBuffer());
      const sample = sampleOrgs(defaultScheme, 20 + (i % 4) * 3, 100 + i, { prefix: t.name.slice(0, 2) });
      const mistake = MISTAKES[t.id];
      const rows = sample.orgs.map((o) => ({ ...o, scores: [...o.scores] }));
      mistake?.apply(rows);
      const info = { township: t.name, filledBy: '王干事', phone: '0790-1234567', filledOn: '2026-04-20' };
      const bytes = await fillTemplate(tpl, { scheme: defaultScheme, orgs: rows, rectifications: sample.rectifications, info });
      if (mistake) kept.set(t.id, await fillTemplate(tpl, { scheme: defaultScheme, orgs: sample.orgs, rectifications: sample.rectifications, info }));
      const r = await call('POST', `/campaigns/${campaignId}/townships/${t.id}/submissions`, token, bytes);
      if (r.status === 201 || r.status === 200) {
        const rc = (await r.json()) as Receipt;
        const counts = Object.entries(rc.counts).map(([g, n]) => `${g}${n}`).join(' ');
        console.log(`   ✔ ${t.name.padEnd(5, '　')} 第 ${rc.version} 版 ${rc.rows.orgs} 个党组织（${counts}）${rc.quota.ok ? '比例符合' : '比例不符'}${rc.warnings.length ? `，${rc.warnings.length} 条提醒` : ''}`);
      } else {
        const e = ((await r.json()) as ErrorBody).error;
        console.log(`   ✘ ${t.name.padEnd(5, '　')} ${r.status} ${e.message}${mistake ? `（演示错误：${mistake.label}）` : ''}`);
        for (const i2 of (e.issues ?? []).filter((x) => x.severity === 'error').slice(0, 4)) console.log(`        · ${i2.message}`);
      }
    }

    const dongshanToken = mintToken({ role: 'township', campaignId, townshipId: 'dongshan', days: 1 }, secret);
    console.log('\n3. 东山镇的令牌冒报西河乡：');
    const cross = await call('POST', `/campaigns/${campaignId}/townships/xihe/submissions`, dongshanToken, new Uint8Array([1]));
    console.log(`   ${cross.status} ${((await cross.json()) as ErrorBody).error.message}`);

    console.log('\n4. 出错的乡镇改正后重新上报：');
    for (const [id, bytes] of kept) {
      const t = TOWNSHIPS.find((x) => x.id === id);
      const token = mintToken({ role: 'township', campaignId, townshipId: id, days: 1 }, secret);
      const r = await call('POST', `/campaigns/${campaignId}/townships/${id}/submissions`, token, bytes);
      const rc = (await r.json()) as Receipt;
      console.log(`   ✔ ${t?.name ?? id} ${r.status} 第 ${rc.version} 版，内容哈希 ${rc.contentHash.slice(0, 12)}…`);
      const again = await call('POST', `/campaigns/${campaignId}/townships/${id}/submissions`, token, bytes);
      const rc2 = (await again.json()) as Receipt;
      if (id === 'xihe') console.log(`   ↻ 同一文件再传一次：${again.status}，duplicate=${String(rc2.duplicate)}，仍是第 ${rc2.version} 版`);
    }

    console.log('\n5. 县委组织部审核：退回枫林镇，其余审核通过');
    const before = (await (await call('GET', `/campaigns/${campaignId}/completeness`, county)).json()) as Completeness;
    const fenglinVersion = before.townships.find((x) => x.id === 'fenglin')?.currentVersion;
    const ret = await call('POST', `/campaigns/${campaignId}/townships/fenglin/review`, county, { action: 'return', comment: '“好”的情况说明过于简单，请补充', version: fenglinVersion });
    console.log(`   枫林镇 退回：${ret.status}`);
    const comp = (await (await call('GET', `/campaigns/${campaignId}/completeness`, county)).json()) as Completeness;
    for (const t of comp.townships.filter((x) => x.state === 'submitted')) {
      const r = await call('POST', `/campaigns/${campaignId}/townships/${t.id}/review`, county, { action: 'accept', version: t.currentVersion });
      if (r.status !== 200) console.log(`   ${t.name} 审核失败：${r.status}`);
    }
    const dsTemplate = new Uint8Array(await (await call('GET', `/campaigns/${campaignId}/townships/dongshan/template`, dongshanToken)).arrayBuffer());
    const dsSample = sampleOrgs(defaultScheme, 24, 999, { prefix: '东山' });
    const dsNew = await fillTemplate(dsTemplate, { scheme: defaultScheme, orgs: dsSample.orgs, rectifications: dsSample.rectifications });
    const locked = await call('POST', `/campaigns/${campaignId}/townships/dongshan/submissions`, dongshanToken, dsNew);
    console.log(`   审核通过后东山镇再报：${locked.status} ${((await locked.json()) as ErrorBody).error.message}`);

    const final = (await (await call('GET', `/campaigns/${campaignId}/completeness`, county)).json()) as Completeness;
    const tt = final.totals;
    console.log(`\n6. 报送情况：已审核通过 ${tt.accepted}，待审核 ${tt.submitted}，退回 ${tt.returned}，未报 ${tt.missing}，逾期 ${tt.late}`);

    const wb = await call('GET', `/campaigns/${campaignId}/consolidated`, county);
    const out = path.join(dataDir(), 'demo', '县汇总表.xlsx');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const bytes = Buffer.from(await wb.arrayBuffer());
    fs.writeFileSync(out, bytes);
    console.log(`\n7. 县汇总表（汇总表、明细表、较差名单、整改台账、比例检查、报送情况）已写出：${out}（${(bytes.length / 1024).toFixed(0)} KB）`);
  } finally {
    await stopLocal?.();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
