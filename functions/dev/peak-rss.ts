// This process's own peak resident memory, for the dev tools and benches that report it.
import * as fs from 'node:fs';

/**
 * VmHWM (bytes), which starts again at exec. getrusage's maxRSS does not: Linux carries the
 * forking process's high-water mark over exec, so a child forked by a jest worker grown to
 * 300 MB by earlier suites reported 313 MB before its first request, and one forked by the
 * province bench (which holds 2,000 files) reported the bench's peak, not its own.
 */
export function ownPeakRssBytes(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) * 1024;
  } catch {
    // not Linux: the rusage figure is the best there is
  }
  return process.resourceUsage().maxRSS * 1024;
}
