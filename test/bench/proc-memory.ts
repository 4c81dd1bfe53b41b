// Memory of another process, from /proc/<pid>/status (Linux): the bench samples the host and
// Azurite while they work. VmHWM is the kernel's own peak of the resident set since the process
// started, so a spike between two samples is not missed; VmRSS is sampled for the curve's peak
// over the measured phase alone.
import * as fs from 'node:fs';

function field(pid: number, name: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export interface MemorySampler {
  /** Peak VmRSS seen by the samples, and the kernel's VmHWM now (MB). */
  read(): { peakRssMb: number; hwmMb: number; rssMb: number };
  stop(): void;
}

export function sampleMemory(pid: number, everyMs = 20): MemorySampler {
  let peak = field(pid, 'VmRSS');
  const timer = setInterval(() => {
    const r = field(pid, 'VmRSS');
    if (r > peak) peak = r;
  }, everyMs);
  // A bench that fails half-way must still exit: the sampler never holds the process open.
  timer.unref();
  return {
    read: () => {
      const r = field(pid, 'VmRSS');
      if (r > peak) peak = r;
      return { peakRssMb: peak, hwmMb: field(pid, 'VmHWM'), rssMb: r };
    },
    stop: () => clearInterval(timer),
  };
}
