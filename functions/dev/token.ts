// `npm run token -- --role county --campaign c2026 [--days 30]`
// `npm run token -- --role township --campaign c2026 --township dongshan [--days 30]`
// Prints the token on stdout (nothing else), a description on stderr. The secret is TOKEN_SECRET,
// else the local development secret in .data/dev-secret (the one `npm start` uses).
import { idSchema } from '../../shared/api/contract';
import { mintToken, type Role } from '../src/auth/token';
import { argValue, devSecret } from './env';

function fail(msg: string): never {
  console.error(msg);
  console.error('用法：npm run token -- --role county|township --campaign <批次编号> [--township <乡镇编号>] [--days 30]');
  process.exit(2);
}

function main(): void {
  const args = process.argv.slice(2);
  const role = argValue(args, 'role') as Role | undefined;
  const campaignId = argValue(args, 'campaign') ?? '';
  const townshipId = argValue(args, 'township');
  const days = Number(argValue(args, 'days') ?? '30');
  if (role !== 'county' && role !== 'township') fail('请用 --role 指定 county（县委组织部）或 township（乡镇/街道）');
  if (!idSchema.safeParse(campaignId).success) fail('请用 --campaign 指定批次编号（小写字母、数字和短横线），如 c2026');
  if (role === 'township' && !(townshipId && idSchema.safeParse(townshipId).success)) fail('乡镇令牌需要 --township <乡镇编号>');
  if (!(days > 0 && days <= 366)) fail('--days 应在 1 到 366 之间');
  const secret = devSecret();
  const token = mintToken({ role, campaignId, ...(townshipId && role === 'township' ? { townshipId } : {}), days }, secret);
  const who = role === 'county' ? '县委组织部' : `乡镇（街道）${townshipId ?? ''}`;
  const until = new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
  console.error(`${who}的令牌，批次 ${campaignId}，有效期至 ${until}（${process.env.TOKEN_SECRET ? '使用 TOKEN_SECRET 签名' : '使用本地开发密钥 .data/dev-secret 签名'}）：`);
  console.log(token);
}

main();
