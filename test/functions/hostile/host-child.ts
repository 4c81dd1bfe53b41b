// The dev host alone in a child process, so its resident memory is its own (storage and the test
// run in the parent). Answers {type:'stats'} with its current and peak RSS.
import * as fs from 'node:fs';
import { startDevHost } from '../../../functions/dev/host';

/**
 * The peak of this process's own memory: VmHWM, which starts again at exec. getrusage's maxRSS
 * does not: Linux carries the forking process's high-water mark over exec, so a child forked by a
 * jest worker grown to 300 MB by earlier suites reported 313 MB before its first request.
 */
function peakRss(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) * 1024;
  } catch {
    // not Linux: the rusage figure is the best there is
  }
  return process.resourceUsage().maxRSS * 1024;
}

process.on('message', (m: { type?: string }) => {
  if (m.type === 'stats') process.send?.({ type: 'stats', rss: process.memoryUsage().rss, peakRss: peakRss() });
});

startDevHost({ port: 0, connectionString: process.env.HOSTILE_STORAGE ?? '', secret: process.env.HOSTILE_SECRET ?? '' })
  .then((h) => process.send?.({ type: 'ready', url: h.url }))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
