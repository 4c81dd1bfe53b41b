// `npm start`: Azurite on disk under .data/azurite in a process of its own, the Functions behind the
// dev host on http://localhost:7071, the add-in's dist/ at "/". Ctrl-C stops everything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mintToken } from '../src/auth/token';
import { DIST, distIsStale, ensureDist } from './addin-dist';
import { startAddinHttps } from './addin-https';
import { startAzuriteProcess } from './azurite';
import { dataDir, devSecret } from './env';
import { startDevHost } from './host';

/** AZURITE_DATA_DIR moves the data (tests use a temporary folder). */
function azuriteLocation(): { location: string; shown: string } {
  const dir = process.env.AZURITE_DATA_DIR;
  return dir ? { location: path.resolve(dir), shown: dir } : { location: path.join(dataDir(), 'azurite'), shown: '.data/azurite' };
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 7071);
  const campaign = process.env.DEMO_CAMPAIGN ?? 'c2026';
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
  const county = mintToken({ role: 'county', campaignId: campaign, days: 30 }, secret);
  const hasDist = fs.existsSync(path.join(dist, 'taskpane.html'));
  console.log(`
分类定级工作台（本地）已启动
  API            ${host.url}/api        （如 ${host.url}/api/me）
  独立页面       ${host.url}/taskpane.html${hasDist ? '' : '   ← 尚未构建：先运行 npm run build:addin'}
  旁加载         ${addin ? `${addin.url}/manifest.xml（自签名证书，首次请在浏览器中打开 ${addin.url}/taskpane.html 并信任）` : `由 npm run dev:addin 提供`}
  存储 Azurite   Blob ${az.blobUrl}  Table ${az.tableUrl}  数据目录 ${where.shown}
  允许跨域来源   ${[...cors, host.url].join(', ')}

县委组织部令牌（批次 ${campaign}，30 天）：
  ${county}

演示：另开终端运行  npm run demo -- --url ${host.url}
  （创建一个演示批次、生成 12 个乡镇的工作簿并上报、审核，写出 .data/demo/县汇总表.xlsx）
乡镇令牌：npm run token -- --role township --campaign ${campaign} --township <乡镇编号>
按 Ctrl-C 停止。`);

}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
