// `node build/functions/dev/consolidate.js <campaignId> <out.xlsx>` with STORAGE_CONNECTION_STRING
// set: writes the consolidated county workbook straight from storage, the same code as the
// endpoint, and prints one JSON line (time, CPU time, size, peak RSS). Used by the province bench to measure
// consolidation in a process of its own, and handy for an operator.
import * as fs from 'node:fs';
import { writeConsolidated } from '../src/consolidate/write-workbook';
import { getCampaign } from '../src/storage/ledger';
import { createAzureStore } from '../src/storage/store';
import { ownPeakRssBytes } from './peak-rss';

async function main(): Promise<void> {
  const [campaignId, out] = process.argv.slice(2);
  const cs = process.env.STORAGE_CONNECTION_STRING ?? process.env.AzureWebJobsStorage;
  if (!campaignId || !out || !cs) {
    console.error('用法：STORAGE_CONNECTION_STRING=… node build/functions/dev/consolidate.js <批次编号> <输出.xlsx>');
    process.exit(2);
  }
  const store = createAzureStore(cs, process.env.GRADING_CONTAINER ?? 'grading', process.env.GRADING_TABLE ?? 'grading');
  const campaign = await getCampaign(store, campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} not found`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { bytes, stats } = await writeConsolidated(store, campaign);
  const ms = performance.now() - t0;
  // CPU time of the whole process (the thread pool's compressing too): steadier than wall time
  // when other work shares the cores.
  const cpu = process.cpuUsage(c0);
  fs.writeFileSync(out, bytes);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, ...stats, maxRssMb: ownPeakRssBytes() / 1048576 }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
