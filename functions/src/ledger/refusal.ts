// A ledger action the machine refused, answered with its own code (shared/issues/codes/ledger.ts:
// each carries the status its reason maps to, 403 / 409 / 422) and every issue it gave.
import type { Issue } from '../../../shared/issues/types';
import { LEDGER_REFUSAL_CODES } from '../../../shared/ledger/machine';
import { ApiError } from '../http/errors';

const MACHINE_REFUSALS = LEDGER_REFUSAL_CODES;
type MachineRefusal = (typeof MACHINE_REFUSALS)[number];

function isMachineRefusal(code: string): code is MachineRefusal {
  return (MACHINE_REFUSALS as readonly string[]).includes(code);
}

export function ledgerRefusal(issues: readonly Issue[]): ApiError {
  const first = issues.find((i) => i.severity === 'error' && isMachineRefusal(i.code));
  // The machine refuses only with these codes: anything else is a bug, answered 500.
  if (!first || !isMachineRefusal(first.code)) throw new Error(`ledger refusal without a refusal code: ${issues.map((i) => i.code).join(', ')}`);
  // The params are the ones makeIssue recorded for this very code.
  return new ApiError(first.code, first.params as never, [...issues]);
}
