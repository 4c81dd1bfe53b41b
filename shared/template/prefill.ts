// What a township's template is pre-filled with in the year after: its items still open in the
// county's ledger (整改台账 lines with their 台账编号), and, for a 回头看, the organizations as the
// reviewed grading had them (scores, flags, grade), so the clerk changes only what the regrade
// changes and the sheet's formulas show the original grade until then.
import { LEDGER_STATUS_LABELS, UNCLOSED_STATUSES, type LedgerItem } from '../ledger/types';
import { gradeByKey } from '../scheme/lookup';
import type { Scheme } from '../scheme/schema';
import type { OrgRow } from '../submission/types';
import { ORG_TYPES } from './definition';
import type { FillOrg } from './fill';
import { gradeByFormulaRules } from './formulas';
import type { RectPrefill } from './rect-sheet';

/** A township's unclosed items (in the order given) as pre-filled 整改台账 lines. */
export function ledgerPrefill(s: Scheme, items: readonly LedgerItem[]): RectPrefill[] {
  return items
    .filter((i) => UNCLOSED_STATUSES.includes(i.status))
    .map((i) => ({
      itemId: i.id,
      orgName: i.orgName,
      grade: gradeByKey(s, i.grade)?.label ?? '',
      matter: i.matter,
      measures: i.measures,
      owner: i.owner,
      deadline: i.deadlineText || (i.deadline ?? ''),
      progress: i.progress,
      state: LEDGER_STATUS_LABELS[i.status],
      leader: i.leader,
      liaison: i.liaison,
    }));
}

const yesNo = (b: boolean) => (b ? '是' : '否');

/**
 * The reviewed grading's rows as the 一览表's rows. The grade is left to the sheet's formula,
 * unless the original grade was not the formula's (a branch that followed its 党总支): then it is
 * written as the original stated it.
 */
export function lookbackPrefill(s: Scheme, orgs: readonly OrgRow[]): FillOrg[] {
  return orgs.map((o, i) => {
    const forcedBottom = s.overrides.forcedBottom.enabled ? yesNo(o.flags.forcedBottom) : undefined;
    const newlyEstablished = s.overrides.newlyEstablishedCap.enabled ? yesNo(o.flags.newlyEstablished) : undefined;
    const label = gradeByKey(s, o.grade)?.label ?? o.grade;
    const row: FillOrg = {
      seq: i + 1,
      name: o.name,
      committee: o.committee,
      category: s.categories.find((c) => c.key === o.category)?.name ?? o.category,
      orgType: ORG_TYPES.find((t) => t.key === o.orgType)?.label ?? null,
      parent: o.parentName,
      members: o.members,
      scores: [...o.scores],
      forcedBottom,
      newlyEstablished,
      explanation: o.explanation || null,
      remark: o.remark || null,
    };
    if (gradeByFormulaRules(s, o.total, forcedBottom, newlyEstablished) !== label) row.grade = label;
    return row;
  });
}
