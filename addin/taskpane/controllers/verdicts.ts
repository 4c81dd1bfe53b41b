// What the pane says after a check or an upload, as one verdict at the button (and the receipt's
// heading): worded here, apart from the controller that decides when to say it.
import type { Receipt, TownshipStatus } from '../../../shared/api/contract';
import type { Issue } from '../../../shared/issues/types';
import type { Verdict } from '../state';
import { formatTime, STATE_LABEL } from '../ui/labels';
import { error, info, ok, warning } from './feedback';

export function countOf(issues: readonly Issue[], severity: Issue['severity']): number {
  return issues.filter((i) => i.severity === severity).length;
}

export function checkVerdict(issues: readonly Issue[]): Verdict {
  const errors = countOf(issues, 'error');
  const warnings = countOf(issues, 'warning');
  if (errors) return error(`检查完成：发现 ${errors} 个错误，请按下面的问题逐项改正。`);
  if (warnings) return warning(`检查完成：没有错误，有 ${warnings} 个提醒，请核实。`);
  return ok('检查通过：没有发现问题。');
}

/** What an identical re-upload means, by the state the server reports after it. */
export function duplicateVerdict(version: number, status: TownshipStatus | null): Verdict {
  const head = `没有上报新版本：内容与第 ${version} 版完全相同，没有任何变化。`;
  if (status?.state === 'returned') return warning(`${head}县委组织部已退回该版本，状态仍为“已退回”；请按退回意见修改后再上报。`);
  if (status?.state === 'accepted') return warning(`${head}该版本已通过并锁定。`);
  return info(`${head}状态仍为“${STATE_LABEL[status?.state ?? 'submitted']}”。`);
}

/**
 * What sending an older version's exact bytes again did: the server made that version current
 * again (a new version would have been a copy of it). Said plainly, with the state it is in now.
 */
export function restoredVerdict(version: number, status: TownshipStatus | null): Verdict {
  return ok(`与第 ${version} 版内容完全相同，已将第 ${version} 版重新设为当前版本，状态为“${STATE_LABEL[status?.state ?? 'submitted']}”。`);
}

/** The verdict at the button and the receipt's short heading, by what the upload did. */
export function receiptVerdicts(r: Receipt, status: TownshipStatus | null): { verdict: Verdict; title: Verdict } {
  if (r.restored) return { verdict: restoredVerdict(r.version, status), title: ok(`已将第 ${r.version} 版重新设为当前版本（内容与该版完全相同）`) };
  if (r.duplicate) {
    const verdict = duplicateVerdict(r.version, status);
    return { verdict, title: { tone: verdict.tone, text: `服务器上已有的第 ${r.version} 版（内容相同，未新建版本）` } };
  }
  return { verdict: ok(`上报成功：第 ${r.version} 版已于 ${formatTime(r.receivedAt)} 收到。`), title: ok(`上报成功：第 ${r.version} 版已收到。`) };
}
