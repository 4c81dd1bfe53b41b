// `npm run demo [-- --url http://localhost:7071]`: a county's reporting round end to end, through
// the API only, as the county office and its townships would: the county signs in, fills the 名册
// template, creates the campaign from it, issues township links and the 派发表; each township
// opens its link, downloads its template (roster pre-filled), fills and uploads it (three with
// mistakes, refused with cell-level messages, then fixed); the county reads a version, returns one
// township, reads the diff of its re-upload, bulk-accepts the rest, revokes a link, and writes the
// consolidated workbook to .data/demo/县汇总表.xlsx. Without --url it starts its own in-memory stack.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultScheme } from '../../shared';
import type { AccessList, BulkReviewResult, CampaignDetail, Completeness, ErrorBody, LedgerList, Me, Receipt, RosterParse, VersionDetail } from '../../shared/api/contract';
import { readSignInFragment, signInLink } from '../../shared/api/link';
import { beijingDay, beijingText } from '../../shared/consolidate/deadline';
import { fillTemplate } from '../../shared/template/fill';
import { issueCountyCredential } from '../src/auth/issue';
import { tokenFor } from '../src/auth/token';
import { apiCall } from './api-call';
import { startAzuriteServers } from './azurite';
import { fillRoster, MISTAKES, TOWNSHIPS, townshipSample } from './demo-data';
import { argValue, dataDir, devSecret } from './env';
import { startDevHost } from './host';
import { localCountyToken, openStore } from './sign-in';

const out = (f: string) => path.join(dataDir(), 'demo', f);
function save(file: string, bytes: Uint8Array): string {
  fs.mkdirSync(path.dirname(out(file)), { recursive: true });
  fs.writeFileSync(out(file), bytes);
  return out(file);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = argValue(args, 'url')?.replace(/\/+$/, '');
  let stopLocal: (() => Promise<void>) | undefined;
  let base: string;
  let county: string;
  if (url) {
    base = url;
    const t = argValue(args, 'token') ?? localCountyToken(devSecret());
    if (!t) throw new Error('找不到本地县委组织部的凭据：请先运行 npm start（或用 --token 给出县委组织部的令牌）');
    county = t;
  } else {
    const secret = 'demo-secret-0123456789abcdef';
    const az = await startAzuriteServers();
    const host = await startDevHost({ port: 0, connectionString: az.connectionString, secret });
    base = host.url;
    stopLocal = async () => {
      await host.close();
      await az.stop();
    };
    const { record } = await issueCountyCredential(await openStore(az.connectionString), { countyId: 'qingshan', countyName: '青山县', days: 1, label: '演示' });
    county = tokenFor(record, secret);
    console.log(`已在本进程内启动演示环境：${base}（内存中的 Azurite）`);
  }
  const api = `${base}/api`;
  const page = `${base}/taskpane.html`;
  const call = (method: string, p: string, token: string, body?: unknown): Promise<Response> => apiCall(api, method, p, token, body);
  const must = async <T>(r: Response, what: string): Promise<T> => {
    if (!r.ok) throw new Error(`${what}失败：${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };

  try {
    const me = await must<Me>(await call('GET', '/me', county), '登录');
    console.log(`\n1. ${me.countyName}委组织部登录链接：\n   ${signInLink(page, { server: base, token: county })}`);

    const rosterRows = TOWNSHIPS.flatMap((t, i) => townshipSample(i, t).orgs.map((org) => ({ township: t.name, org })));
    const rosterTemplate = new Uint8Array(await (await call('GET', '/roster/template', county)).arrayBuffer());
    const rosterFile = save('党组织名册.xlsx', await fillRoster(rosterTemplate, rosterRows));
    const parsed = await must<RosterParse>(await call('POST', '/roster/parse', county, new Uint8Array(fs.readFileSync(rosterFile))), '读取名册');
    console.log(`\n2. 名册（${rosterFile}）：${parsed.entries.length} 个党组织，${parsed.townships.length} 个乡镇（街道）${parsed.issues.length ? `，${parsed.issues.length} 条提醒` : ''}`);
    for (const i of parsed.issues.slice(0, 3)) console.log(`        · ${i.message}`);

    // A deadline a month ahead, so nobody is late in the demo.
    const deadline = beijingDay(Date.now() + 30 * 86400_000);
    const roster: Record<string, Array<Omit<RosterParse['entries'][number], 'township' | 'row'>>> = {};
    for (const { township, row: _r, ...e } of parsed.entries) (roster[township] ??= []).push(e);
    const created = await must<CampaignDetail>(await call('POST', '/campaigns', county, { year: 2026, county: me.countyName, deadline, townships: TOWNSHIPS, schemeId: 'default6', roster }), '创建批次');
    const c = created.id;
    console.log(`\n3. 新建工作批次 ${c}：${created.county} ${created.year} 年度，${created.townships.length} 个乡镇（街道），截止 ${created.deadline}（一个月后，演示中无人逾期）`);

    const access = await must<AccessList>(await call('POST', `/campaigns/${c}/access`, county, { page }), '发放链接');
    console.log('\n4. 各乡镇（街道）的上报链接：');
    for (const t of access.townships) console.log(`   ${t.townshipName.padEnd(5, '　')} 有效期至 ${beijingText(t.expiresAt)}  ${t.link}`);
    const sheet = await call('GET', `/campaigns/${c}/access/sheet?page=${encodeURIComponent(page)}`, county);
    console.log(`   派发表：${save('上报链接派发表.xlsx', new Uint8Array(await sheet.arrayBuffer()))}`);
    const tokens = new Map(access.townships.map((t) => [t.townshipId, readSignInFragment(new URL(t.link ?? '').hash)?.token ?? '']));
    const tokenOf = (id: string) => tokens.get(id) ?? '';

    console.log('\n5. 各乡镇打开链接、下载模板（名册已预填）、填报并上报（北坪镇故意不报）');
    const info = { filledBy: '王干事', phone: '0790-1234567', filledOn: '2026-04-20' };
    const fixed = new Map<string, Uint8Array>();
    for (const [i, t] of TOWNSHIPS.entries()) {
      if (t.id === 'beiping') continue;
      const tpl = new Uint8Array(await (await call('GET', `/campaigns/${c}/townships/${t.id}/template`, tokenOf(t.id))).arrayBuffer());
      const sample = townshipSample(i, t);
      const rows = sample.orgs.map((o) => ({ ...o, scores: [...o.scores] }));
      const mistake = MISTAKES[t.id];
      mistake?.apply(rows);
      const fill = { scheme: defaultScheme, rectifications: sample.rectifications, info: { township: t.name, ...info } };
      if (mistake) fixed.set(t.id, await fillTemplate(tpl, { ...fill, orgs: sample.orgs }));
      const r = await call('POST', `/campaigns/${c}/townships/${t.id}/submissions`, tokenOf(t.id), await fillTemplate(tpl, { ...fill, orgs: rows }));
      if (r.ok) {
        const rc = (await r.json()) as Receipt;
        console.log(`   ✔ ${t.name.padEnd(5, '　')} 第 ${rc.version} 版 ${rc.rows.orgs} 个党组织（${Object.entries(rc.counts).map(([g, n]) => `${g}${n}`).join(' ')}）${rc.quota.ok ? '比例符合' : '比例不符'}`);
      } else {
        const e = ((await r.json()) as ErrorBody).error;
        console.log(`   ✘ ${t.name.padEnd(5, '　')} ${r.status} ${e.message}（演示错误：${mistake?.label ?? ''}）`);
        for (const x of (e.issues ?? []).filter((i2) => i2.severity === 'error').slice(0, 3)) console.log(`        · ${x.message}`);
      }
    }
    const cross = await call('POST', `/campaigns/${c}/townships/xihe/submissions`, tokenOf('dongshan'), new Uint8Array([1]));
    console.log(`   东山镇的链接冒报西河乡：${cross.status} ${((await cross.json()) as ErrorBody).error.message}`);

    console.log('\n6. 出错的乡镇改正后重新上报：');
    for (const [id, bytes] of fixed) {
      const r = await must<Receipt>(await call('POST', `/campaigns/${c}/townships/${id}/submissions`, tokenOf(id), bytes), '重新上报');
      const again = (await (await call('POST', `/campaigns/${c}/townships/${id}/submissions`, tokenOf(id), bytes)).json()) as Receipt;
      console.log(`   ✔ ${TOWNSHIPS.find((x) => x.id === id)?.name} 第 ${r.version} 版${id === 'xihe' ? `；同一文件再传一次：duplicate=${String(again.duplicate)}，仍是第 ${again.version} 版` : ''}`);
    }

    console.log('\n7. 县委组织部审核：查看枫林镇的报表并退回，枫林镇修改后重报，县里看改了什么');
    const fl = await must<VersionDetail>(await call('GET', `/campaigns/${c}/townships/fenglin/versions/1`, county), '查看报表');
    console.log(`   枫林镇第 1 版：${fl.orgs.length} 行，填报人 ${fl.info.filledBy}（${fl.info.phone}），${fl.quota.summary}`);
    await must(await call('POST', `/campaigns/${c}/townships/fenglin/review`, county, { action: 'return', version: 1, comment: '“好”的情况说明过于简单，请补充' }), '退回');
    const fi = TOWNSHIPS.findIndex((t) => t.id === 'fenglin');
    const flSample = townshipSample(fi, TOWNSHIPS[fi] as { name: string });
    const changed = flSample.orgs.map((o, k) => (k === 1 ? { ...o, explanation: `${String(o.explanation ?? '')}（已补充：班子团结，业绩突出）`, scores: [...o.scores] } : o));
    const flTpl = new Uint8Array(await (await call('GET', `/campaigns/${c}/townships/fenglin/template`, tokenOf('fenglin'))).arrayBuffer());
    await must(await call('POST', `/campaigns/${c}/townships/fenglin/submissions`, tokenOf('fenglin'), await fillTemplate(flTpl, { scheme: defaultScheme, orgs: changed, rectifications: flSample.rectifications, info: { township: '枫林镇', ...info } })), '枫林镇重报');
    const v2 = await must<VersionDetail>(await call('GET', `/campaigns/${c}/townships/fenglin/versions/2`, county), '查看第 2 版');
    const d = v2.diff;
    console.log(`   第 2 版与第 1 版相比：新增 ${d?.added.length ?? 0}，删除 ${d?.removed.length ?? 0}，修改 ${d?.changed.length ?? 0}（${d?.changed.map((x) => `${x.name}：${x.changes.map((ch) => ch.label).join('、')}`).join('；')}）`);

    const comp = await must<Completeness>(await call('GET', `/campaigns/${c}/completeness`, county), '报送情况');
    const items = comp.townships.filter((t) => t.state === 'submitted' && t.currentVersion).map((t) => ({ townshipId: t.id, version: t.currentVersion as number }));
    const bulk = await must<BulkReviewResult>(await call('POST', `/campaigns/${c}/review`, county, { action: 'accept', items }), '批量通过');
    console.log(`   批量审核通过：${bulk.accepted} 个乡镇（街道）${bulk.refused ? `，${bulk.refused} 个未通过` : ''}`);
    const locked = await call('POST', `/campaigns/${c}/townships/dongshan/submissions`, tokenOf('dongshan'), fixed.get('xihe') ?? new Uint8Array([1]));
    console.log(`   审核通过后东山镇再报：${locked.status} ${((await locked.json()) as ErrorBody).error.message}`);
    await must(await call('POST', `/campaigns/${c}/access/revoke`, county, { townships: ['beiping'], page }), '收回链接');
    const revoked = await call('GET', '/me', tokenOf('beiping'));
    console.log(`   收回北坪镇的链接后再用它：${revoked.status} ${((await revoked.json()) as ErrorBody).error.message}`);

    // The year after: the ledger the uploads opened; a township asks 销号 and the county confirms.
    const ledger = await must<LedgerList>(await call('GET', `/campaigns/${c}/ledger`, county), '整改台账');
    const first = ledger.items.find((i) => i.townshipId === 'dongshan' && i.matter);
    if (first) {
      await must(await call('POST', `/campaigns/${c}/ledger/${first.id}`, tokenOf('dongshan'), { action: 'request', progress: '已按措施完成整改', completedOn: beijingDay(Date.now()) }), '申请销号');
      await must(await call('POST', `/campaigns/${c}/ledger/${first.id}`, county, { action: 'confirm', comment: '经核实，同意销号' }), '销号');
    }
    const after = await must<LedgerList>(await call('GET', `/campaigns/${c}/ledger`, county), '整改台账');
    const k = after.counts;
    console.log(`   整改台账：${after.items.length} 项（整改中 ${k.open}、申请销号 ${k.requested}、已销号 ${k.closed}）${first ? `；东山镇“${first.orgName}”的“${first.matter}”申请销号，县委组织部已销号` : ''}`);

    const final = await must<Completeness>(await call('GET', `/campaigns/${c}/completeness`, county), '报送情况');
    const tt = final.totals;
    console.log(`\n8. 报送情况：已审核通过 ${tt.accepted}，待审核 ${tt.submitted}，退回 ${tt.returned}，未报 ${tt.missing}，逾期 ${tt.late}`);
    const wb = new Uint8Array(await (await call('GET', `/campaigns/${c}/consolidated`, county)).arrayBuffer());
    // The sheets as written (they depend on what the campaign has: a ledger, a predecessor, a 回头看).
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(wb) as unknown as ExcelJS.Buffer); // exceljs types an older Buffer
    const sheets = book.worksheets.map((w) => w.name).join('、');
    console.log(`\n9. 县汇总表（${sheets}）已写出：${save('县汇总表.xlsx', wb)}（${(wb.length / 1024).toFixed(0)} KB）`);
  } finally {
    await stopLocal?.();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
