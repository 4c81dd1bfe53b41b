// `npm run token -- --county qingshan --name 青山县 [--days 365] [--server http://localhost:7071] [--page <页面地址>]`
// For administrators: creates the county (if missing) and a new county credential in the storage
// (STORAGE_CONNECTION_STRING, else the local Azurite of `npm start`), then prints the token on
// stdout and the sign-in link on stderr. Signs with TOKEN_SECRET, else the local development secret
// (.data/dev-secret) that `npm start` uses. Township links are issued by the county in the page.
import { idSchema } from '../../shared/api/contract';
import { signInLink } from '../../shared/api/link';
import { beijingText } from '../../shared/consolidate/deadline';
import { issueCountyCredential } from '../src/auth/issue';
import { tokenFor } from '../src/auth/token';
import { getCounty } from '../src/storage/credentials';
import { argValue, devSecret } from './env';
import { adminConnectionString, openStore } from './sign-in';

function fail(msg: string): never {
  console.error(msg);
  console.error('用法：npm run token -- --county <县编号> --name <县名> [--days 365] [--server <API 地址>] [--page <页面地址>]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const countyId = argValue(args, 'county') ?? '';
  const name = argValue(args, 'name')?.trim();
  const days = Number(argValue(args, 'days') ?? '365');
  const server = argValue(args, 'server') ?? `http://localhost:${process.env.PORT ?? 7071}`;
  const page = argValue(args, 'page') ?? `${server}/taskpane.html`;
  if (argValue(args, 'role') || argValue(args, 'campaign')) fail('令牌已改为按县发放：县委组织部的凭据可以打开本县所有工作批次，乡镇（街道）的链接由县委组织部在页面中发放。');
  if (!idSchema.safeParse(countyId).success) fail('请用 --county 指定县编号（小写字母、数字和短横线），如 qingshan');
  if (!(days > 0 && days <= 3660)) fail('--days 应在 1 到 3660 之间');
  const store = await openStore(adminConnectionString());
  const known = await getCounty(store, countyId);
  if (!known && !name) fail(`县编号“${countyId}”尚未建立，请用 --name 给出县名（如 --name 青山县）`);
  if (known && name && known.name !== name) fail(`县编号“${countyId}”已登记为“${known.name}”，与 --name “${name}”不一致`);
  const { county, record } = await issueCountyCredential(store, { countyId, countyName: known?.name ?? name ?? '', days, label: '管理员发放（npm run token）' });
  const secret = devSecret();
  const token = tokenFor(record, secret);
  console.error(`${county.name}委组织部的凭据（编号 ${record.id}），有效期至 ${beijingText(record.expiresAt)}（${process.env.TOKEN_SECRET ? '使用 TOKEN_SECRET 签名' : '使用本地开发密钥 .data/dev-secret 签名'}）。登录链接：`);
  console.error(`  ${signInLink(page, { server, token })}`);
  console.log(token);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
