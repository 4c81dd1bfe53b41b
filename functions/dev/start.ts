// `npm start`: Azurite on disk under .data/azurite in a process of its own, the Functions behind the
// dev host on http://localhost:7071, the add-in's dist/ at "/". Ctrl-C stops everything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIST, distIsStale, ensureDist } from './addin-dist';
import { startAddinHttps } from './addin-https';
import { startAzuriteProcess } from './azurite';
import { dataDir, devSecret } from './env';
import { startDevHost } from './host';
import { localSignIn, openStore, signInHeading } from './sign-in';

/** AZURITE_DATA_DIR moves the data (tests use a temporary folder). */
function azuriteLocation(): { location: string; shown: string } {
  const dir = process.env.AZURITE_DATA_DIR;
  return dir ? { location: path.resolve(dir), shown: dir } : { location: path.join(dataDir(), 'azurite'), shown: '.data/azurite' };
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 7071);
  const secret = devSecret();
  if (distIsStale()) {
    console.log('正在构建加载项页面（dist/，首次约 1 分钟）…');
    await ensureDist();
  }
  const dist = DIST;
  const where = azuriteLocation();
  const blobPort = Number(process.env.AZURITE_BLOB_PORT ?? 10000);
  const tablePort = Number(process.env.AZURITE_TABLE_PORT ?? 10002);
  const az = await startAzuriteProcess({ location: where.location, blobPort, tablePort });
  if (az.fellBack) console.log(`端口 ${blobPort}/${tablePort} 已被占用，Azurite 改用随机端口`);
  const cors = (process.env.CORS_ORIGINS ?? 'https://localhost:3000').split(',').map((s) => s.trim()).filter(Boolean);
  let host;
  try {
    host = await startDevHost({ port, connectionString: az.connectionString, secret, staticDir: dist, corsOrigins: cors, log: process.env.DEV_HOST_LOG === '1' });
  } catch (e) {
    await az.stop();
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      console.error(`端口 ${port} 已被占用：是否已经运行了 npm start？可用 PORT=7072 npm start 换一个端口。`);
      process.exit(1);
    }
    throw e;
  }
  const addinPort = Number(process.env.ADDIN_PORT ?? 3000);
  const addin = await startAddinHttps(addinPort, dist).catch((e: unknown) => {
    if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
    console.log(`端口 ${addinPort} 已被占用（是否在运行 npm run dev:addin？），旁加载地址由它提供`);
    return null;
  });
  // The page served there calls this API from its own origin: with ADDIN_PORT moved, that origin
  // is allowed too (the host reads the list per request), or the page could not even connect.
  if (addin && process.env.CORS_ORIGINS === undefined && !cors.includes(addin.url)) cors.push(addin.url);
  // Ctrl-C must work from the moment the banner says so.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止…');
    await host.close();
    await addin?.close();
    await az.stop();
    console.log('已停止。');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The local county (COUNTY_ID / COUNTY_NAME) with a county credential: on empty storage both are created.
  const signIn = await localSignIn({
    store: await openStore(az.connectionString),
    secret,
    countyId: process.env.COUNTY_ID ?? 'local',
    countyName: process.env.COUNTY_NAME ?? '青山县',
    page: `${host.url}/taskpane.html`,
    server: host.url,
  });
  const hasDist = fs.existsSync(path.join(dist, 'taskpane.html'));
  console.log(`
分类定级工作台（本地）已启动
  API            ${host.url}/api        （如 ${host.url}/api/me）
  独立页面       ${host.url}/taskpane.html${hasDist ? '' : '   ← 尚未构建：先运行 npm run build:addin'}
  旁加载         ${addin ? `${addin.url}/manifest.xml（自签名证书，首次请在浏览器中打开 ${addin.url}/taskpane.html 并信任）` : `由 npm run dev:addin 提供`}
  存储 Azurite   Blob ${az.blobUrl}  Table ${az.tableUrl}  数据目录 ${where.shown}
  允许跨域来源   ${[...cors, host.url].join(', ')}

${signInHeading(signIn)}
  ${signIn.link}
  在浏览器中打开即以县委组织部身份进入；还没有工作批次时，从“新建工作批次”开始。
  各乡镇（街道）的上报链接在工作批次中发放（派发表可下载打印）。

演示：另开终端运行  npm run demo -- --url ${host.url}
  （以本县身份创建演示批次、发放乡镇链接、上报、审核，写出 .data/demo/县汇总表.xlsx）
其他县的登录链接：npm run token -- --county <县编号> --name <县名>
按 Ctrl-C 停止。`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
