// The formula of a cell filled from a shared formula. Such a cell carries no text of its own
// (`<f t="shared" si="0"/>`): it is the master's formula with its relative references moved by
// the distance between the two cells, as the spreadsheet that wrote it computes it. Literals
// ("…") and quoted sheet names ('…') are copied as they are; a name followed by "(" is a
// function (LOG10(…)), not a cell.
import { colLetter, colNumber } from '../workbook/a1';

const REF = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y;
const NAME_CHAR = /[A-Za-z0-9_.\u0080-\uFFFF]/;
const MAX_COL = 16384;
const MAX_ROW = 1048576;

function quoted(f: string, i: number, q: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return f.length;
}

export function shiftFormula(f: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return f;
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i] as string;
    if (ch === '"' || ch === "'") {
      const end = quoted(f, i, ch);
      out += f.slice(i, end);
      i = end;
      continue;
    }
    const before = i > 0 ? (f[i - 1] as string) : '';
    REF.lastIndex = i;
    const m = before && NAME_CHAR.test(before) ? null : REF.exec(f);
    const after = m ? (f[i + m[0].length] ?? '') : '';
    if (!m || after === '(' || NAME_CHAR.test(after)) {
      out += ch;
      i++;
      continue;
    }
    const [all, colAbs = '', letters = '', rowAbs = '', digits = ''] = m;
    const col = colNumber(letters) + (colAbs ? 0 : dCol);
    const row = Number(digits) + (rowAbs ? 0 : dRow);
    out += col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW ? '#REF!' : `${colAbs}${colLetter(col)}${rowAbs}${row}`;
    i += all.length;
  }
  return out;
}
