// The detail list (一览表), one row at a time, so the streaming reader and the in-memory reader
// share every rule and big sheets never sit in memory as cells: only parsed rows are kept.
import { makeIssue } from '../issues/catalogue';
import type { IssueCode } from '../issues/catalogue';
import type { Issue, IssueParams } from '../issues/types';
import type { GradeBand, Scheme } from '../scheme/schema';
import { findCategory, findGrade, maxTotal } from '../scheme/lookup';
import { checkScore, parseScore, sumScores } from '../grade/score';
import { gradeTotal } from '../grade/grade';
import { parseFlag } from '../grade/flags';
import { normalizeLabel, cleanText } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import { FLAG_GROUP, INDICATOR_GROUP, INFO_FIELDS, ORG_TYPES, detailColumns, type DetailKey, type InfoKey } from '../template/definition';
import { cellIsBlank, cellText, freeText, isoDate, type SheetCell, type SheetRow } from '../workbook/model';
import type { OrgRow, OrgType } from '../submission/types';
import { HeaderResolver, targetId, type HeaderMatch } from './header';

/** A parsed row plus what the cross-row checks need. */
export interface ParsedOrg {
  org: OrgRow;
  /** Grade stated in the sheet, when recognized. */
  stated: GradeBand | null;
  /** The total the grade is judged by (stated total, or the sum), null when unusable. */
  judgedTotal: number | null;
  categoryOk: boolean;
}

export interface InfoValue {
  value: string | null;
  /** Where the value is (or would be). */
  cell: string;
}

/** How many rows may come before the header (title, 填报 block, notes). */
const MAX_PREAMBLE = 30;

export class DetailReader {
  readonly issues: Issue[] = [];
  readonly parsed: ParsedOrg[] = [];
  readonly info = new Map<InfoKey, InfoValue>();
  header: HeaderMatch<DetailKey> | null = null;
  private pending: SheetRow | null = null;
  private preamble = 0;
  private gaveUp = false;
  private finished = false;
  private readonly resolver: HeaderResolver<DetailKey>;
  private readonly names = new Map<string, number>();
  private readonly noResultSeen = new Set<string>();
  private readonly allowedCategories: string;
  private readonly allowedGrades: string;

  constructor(
    readonly scheme: Scheme,
    readonly sheet: string,
  ) {
    const cols = detailColumns(scheme);
    this.resolver = new HeaderResolver<DetailKey>(
      cols.map((c) => ({
        target: { key: c.key, indicator: c.indicator, max: c.max, label: c.kind === 'score' ? (scheme.indicators[c.indicator ?? 0]?.name ?? c.header) : c.header },
        names: [c.header, ...c.aliases],
      })),
      [INDICATOR_GROUP, FLAG_GROUP],
    );
    this.allowedCategories = scheme.categories.map((c) => c.name).join('、');
    this.allowedGrades = scheme.grades.map((g) => g.label).join('、');
  }

  push(row: SheetRow): void {
    if (this.gaveUp) return;
    if (!this.header) {
      if (this.pending) {
        this.startData(this.pending, row);
        this.pending = null;
        if (this.header && (this.header as HeaderMatch<DetailKey>).lastRow === row.row) return;
        this.dataRow(row);
        return;
      }
      if (this.isHeaderRow(row)) {
        this.pending = row;
        return;
      }
      this.readInfo(row);
      if (++this.preamble > MAX_PREAMBLE) this.gaveUp = true;
      return;
    }
    this.dataRow(row);
  }

  /** Call after the last row (again is harmless). */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.pending) {
      this.startData(this.pending, null);
      this.pending = null;
    }
    if (!this.header) {
      this.issues.push(makeIssue('HEADER_NOT_FOUND', {}, { sheet: this.sheet }));
      return;
    }
    for (const f of INFO_FIELDS) {
      const v = this.info.get(f.key);
      if (!v || !v.value) this.issues.push(makeIssue('INFO_BLANK', { field: f.label }, { sheet: this.sheet, ...(v ? { cell: v.cell } : {}) }));
    }
  }

  /** Column (1-based) of a key, 0 when the sheet lacks it. */
  col(key: DetailKey, indicator?: number): number {
    return this.header?.columns.get(targetId(key, indicator)) ?? 0;
  }

  addr(key: DetailKey, row: number, indicator?: number): string | undefined {
    const c = this.col(key, indicator);
    return c ? cellAddress(c, row) : undefined;
  }

  private isHeaderRow(row: SheetRow): boolean {
    let hasName = false;
    row.cells.forEach((c) => {
      const r = c ? this.resolver.resolve(cellText(c)) : null;
      if (r?.target.key === 'name') hasName = true;
    });
    return hasName && this.resolver.score(row) >= 2;
  }

  private startData(head: SheetRow, next: SheetRow | null): void {
    const m = this.resolver.match(this.sheet, head, next);
    this.header = m;
    this.issues.push(...m.issues);
    for (const c of detailColumns(this.scheme)) {
      if (!c.required || this.col(c.key, c.indicator)) continue;
      const label = c.kind === 'score' ? (this.scheme.indicators[c.indicator ?? 0]?.name ?? c.header) : c.header;
      this.issues.push(makeIssue('COLUMN_MISSING', { column: label }, { sheet: this.sheet }));
    }
  }

  private readInfo(row: SheetRow): void {
    row.cells.forEach((cell, c) => {
      const text = normalizeLabel(cellText(cell));
      if (!text) return;
      for (const f of INFO_FIELDS) {
        if (this.info.get(f.key)?.value) continue;
        for (const label of [f.label, ...f.aliases]) {
          const l = normalizeLabel(label);
          if (text !== l && text !== `${l}:` && !text.startsWith(`${l}:`)) continue;
          const raw = cellText(cell).replace(/^[^:：]*[:：]/, '').trim();
          if (raw && text.startsWith(`${l}:`) && text !== `${l}:`) {
            this.info.set(f.key, { value: infoValue(f.key, cell, raw), cell: cellAddress(c, row.row) });
          } else {
            // The value sits in the next non-blank cell to the right (usually a merged block).
            let k = c + 1;
            while (k < row.cells.length && cellIsBlank(row.cells[k])) k++;
            const next = row.cells[k];
            const isLabel = next ? INFO_FIELDS.some((g) => [g.label, ...g.aliases].some((x) => normalizeLabel(cellText(next)).startsWith(normalizeLabel(x)))) : false;
            const value = next && !isLabel ? infoValue(f.key, next, cellText(next)) : null;
            this.info.set(f.key, { value, cell: cellAddress(next && !isLabel ? k : c + 1, row.row) });
          }
          return;
        }
      }
    });
  }

  private issue(code: IssueCode, params: IssueParams, cell: string | undefined): void {
    this.issues.push(makeIssue(code, params, cell ? { sheet: this.sheet, cell } : { sheet: this.sheet }));
  }

  /** Once per column: a file no spreadsheet program has saved has no results in any row. */
  private noResult(column: string, cell: string | undefined): void {
    if (this.noResultSeen.has(column)) return;
    this.noResultSeen.add(column);
    this.issue('FORMULA_NO_RESULT', { column }, cell);
  }

  private cell(row: SheetRow, key: DetailKey, indicator?: number): SheetCell | undefined {
    const c = this.col(key, indicator);
    return c ? row.cells[c] : undefined;
  }

  private dataRow(row: SheetRow): void {
    if (!this.hasContent(row) || isFooterNote(row)) return;
    const s = this.scheme;
    const r = row.row;
    const text = (key: DetailKey) => cleanText(cellText(this.cell(row, key)));
    const name = text('name');
    if (!name) {
      this.issue('NAME_BLANK', {}, this.addr('name', r));
    } else {
      // "第一党支部" may repeat under different general branches or committees: not a duplicate.
      const k = [name, text('parent'), text('committee')].map(normalizeLabel).join('|');
      const first = this.names.get(k);
      if (first !== undefined) this.issue('ORG_DUPLICATE', { name, first }, this.addr('name', r));
      else this.names.set(k, r);
    }

    const catText = text('category');
    const cat = catText ? findCategory(s, catText) : undefined;
    if (this.col('category')) {
      if (!catText) this.issue('CATEGORY_BLANK', {}, this.addr('category', r));
      else if (!cat) this.issue('CATEGORY_UNKNOWN', { value: catText, allowed: this.allowedCategories }, this.addr('category', r));
    }

    const typeText = text('orgType');
    let orgType: OrgType | null = null;
    if (typeText) {
      const t = ORG_TYPES.find((o) => [o.label, o.key, ...o.aliases].some((x) => normalizeLabel(x) === normalizeLabel(typeText)));
      if (t) orgType = t.key;
      else this.issue('ORG_TYPE_UNKNOWN', { value: typeText, allowed: ORG_TYPES.map((o) => o.label).join('、') }, this.addr('orgType', r));
    }

    let members: number | null = null;
    const mc = this.cell(row, 'members');
    if (!cellIsBlank(mc)) {
      const p = parseScore(mc?.v ?? null);
      const raw = p.kind === 'malformed' ? p.text.replace(/[人名]$/, '') : null;
      const pr = raw !== null ? parseScore(raw) : p;
      if (pr.kind === 'number' && Number.isInteger(pr.value) && pr.value >= 0) members = pr.value;
      else this.issue('MEMBERS_MALFORMED', { value: cellText(mc) }, this.addr('members', r));
    }

    // Scores: every bad one reported at its own cell.
    const scores: number[] = [];
    const asText: Array<{ at: string | undefined; text: string }> = [];
    let scoresOk = true;
    let anyScore = false;
    s.indicators.forEach((ind, i) => {
      if (!this.col('score', i)) {
        scoresOk = false;
        return;
      }
      const c = this.cell(row, 'score', i);
      const at = this.addr('score', r, i);
      if (c?.error) {
        this.issue('CELL_ERROR', { value: c.error }, at);
        scoresOk = false;
        scores.push(0);
        return;
      }
      const v = c?.v ?? null;
      const chk = checkScore(v instanceof Date ? cellText(c) : v, ind.max);
      if (!chk.ok) {
        this.issue(chk.code, { value: chk.value, max: ind.max, name: `“${ind.name}”` }, at);
        scoresOk = false;
        scores.push(0);
      } else if (chk.blank) {
        this.issue('SCORE_BLANK', { name: `“${ind.name}”` }, at);
        scoresOk = false;
        scores.push(0);
      } else {
        anyScore = true;
        scores.push(chk.value);
        if (typeof v === 'string') asText.push({ at, text: v.trim() });
      }
    });
    const sum = scoresOk ? sumScores(scores) : null;
    const max = maxTotal(s);

    // Total: the stated one is checked against the sum.
    let total: number | null = null;
    const tc = this.cell(row, 'total');
    const tAt = this.addr('total', r);
    if (this.col('total')) {
      if (tc?.error) this.issue('CELL_ERROR', { value: tc.error }, tAt);
      else if (tc?.noResult) {
        this.noResult('总分', tAt);
        total = sum;
      } else {
        const chk = checkScore(tc?.v instanceof Date ? cellText(tc) : (tc?.v ?? null), max);
        if (!chk.ok) this.issue(chk.code, { value: chk.value, max, name: '总分' }, tAt);
        else if (chk.blank) {
          if (anyScore || scoresOk) this.issue('SCORE_BLANK', { name: '总分' }, tAt);
        } else total = chk.value;
      }
      if (sum !== null && sum > max + 1e-9) {
        this.issue('SCORE_OUT_OF_RANGE', { value: sum, max, name: '各项指标得分之和' }, tAt);
      } else if (total !== null && sum !== null && Math.abs(total - sum) > 1e-6) {
        this.issue('TOTAL_MISMATCH', { total, sum }, tAt);
      }
    }
    // SUM skips text: "12分" typed into a score cell silently drops out of the sheet's own total.
    if (tc?.formula) for (const t of asText) this.issue('SCORE_AS_TEXT', { value: t.text }, t.at);
    const judgedTotal = total ?? (sum !== null && sum <= max + 1e-9 ? sum : null);

    const flag = (key: 'forcedBottom' | 'newlyEstablished'): boolean => {
      const c = this.cell(row, key);
      if (cellIsBlank(c)) return false;
      const p = parseFlag(c?.v ?? null);
      if (p.ok) return p.value;
      this.issue('FLAG_MALFORMED', { value: p.text }, this.addr(key, r));
      return false;
    };
    const flags = { forcedBottom: flag('forcedBottom'), newlyEstablished: flag('newlyEstablished') };

    let stated: GradeBand | null = null;
    const gc = this.cell(row, 'grade');
    const gAt = this.addr('grade', r);
    if (this.col('grade')) {
      if (gc?.error) this.issue('CELL_ERROR', { value: gc.error }, gAt);
      else if (gc?.noResult) {
        this.noResult('等次', gAt);
        if (judgedTotal !== null) stated = gradeTotal(s, judgedTotal, flags).grade;
      }
      else {
        const g = cleanText(cellText(gc));
        if (!g) this.issue('GRADE_BLANK', {}, gAt);
        else {
          stated = findGrade(s, g) ?? null;
          if (!stated) this.issue('GRADE_UNKNOWN', { value: g, allowed: this.allowedGrades }, gAt);
        }
      }
    }

    const explanation = freeText(cellText(this.cell(row, 'explanation')));
    const remark = freeText(cellText(this.cell(row, 'remark')));
    if (cat && stated && !explanation && this.col('explanation')) {
      const g = stated;
      if (s.explanations.some((x) => x.categories.includes(cat.key) && x.grades.includes(g.key))) {
        this.issue('EXPLANATION_MISSING', { category: cat.name, grade: g.label }, this.addr('explanation', r));
      }
    }

    const seqCell = this.cell(row, 'seq');
    const seqP = parseScore(seqCell?.v instanceof Date ? null : (seqCell?.v ?? null));
    this.parsed.push({
      org: {
        row: r,
        seq: seqP.kind === 'number' ? seqP.value : null,
        name,
        committee: text('committee') || null,
        category: cat?.key ?? '',
        orgType,
        parentName: text('parent') || null,
        members,
        scores,
        total: total ?? sum ?? 0,
        grade: stated?.key ?? '',
        flags,
        explanation,
        remark,
      },
      stated,
      judgedTotal,
      categoryOk: !!cat,
    });
  }

  /** Anything typed in a mapped column; formula results (总分, 等次 of empty rows) do not count. */
  private hasContent(row: SheetRow): boolean {
    if (!this.header) return false;
    for (const [id, c] of this.header.columns) {
      if (id === 'seq') continue;
      const cell = row.cells[c];
      if (!cellIsBlank(cell) && !cell?.formula) return true;
    }
    return false;
  }
}

function infoValue(key: InfoKey, cell: SheetCell | undefined, text: string): string | null {
  if (key === 'filledOn' && cell?.v instanceof Date) return isoDate(cell.v);
  const t = cleanText(text);
  return t || null;
}

const FOOTER = /^(注|说明|填表说明|备注|合计|总计|审核人|负责人)[:：]?/;

/** "注：…", "合计" or "审核人：" lines under the table are not organizations: a few cells, led by such a word. */
function isFooterNote(row: SheetRow): boolean {
  const filled = row.cells.filter((c) => !cellIsBlank(c));
  const first = filled[0];
  if (first === undefined || typeof first.v !== 'string') return false;
  const text = normalizeLabel(first.v);
  return /^(合计|总计|小计)$/.test(text) || (filled.length <= 3 && FOOTER.test(text));
}
