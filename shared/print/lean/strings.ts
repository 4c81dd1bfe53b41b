// xl/sharedStrings.xml of the lean writer, written as strings are met. Every text cell is t="s",
// the form Excel itself writes: a <t> element keeps leading whitespace (xml:space) and can never
// be read as a formula's cached result. Strings up to DEDUPE_CHARS are written once and shared (names, categories,
// grades repeat on every sheet); a longer one (a 情况说明) is written again each time it is used,
// so the table held in memory stays small whatever the explanations hold.
import type { Part } from './part';
import { NS_MAIN, XML_HEAD, cellText } from './xml';

export const DEDUPE_CHARS = 256;

/** What needs more than `<si><t>…</t></si>` (one scan for the common plain string). */
const SPECIAL = /[&<>_\s]/;

function si(s: string): string {
  if (!SPECIAL.test(s)) return '<si><t>' + s + '</t></si>';
  // Leading, trailing or control whitespace is kept only with xml:space="preserve".
  const keep = /^\s|\s$|[\t\n\r]/.test(s);
  return keep ? `<si><t xml:space="preserve">${cellText(s)}</t></si>` : `<si><t>${cellText(s)}</t></si>`;
}

export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private unique = 0;
  private uses = 0;
  private readonly batch: string[] = [];

  constructor(private readonly part: Part) {}

  /** The index of a string in the table, writing it there when new. */
  id(s: string): number {
    this.uses++;
    const share = s.length <= DEDUPE_CHARS;
    if (share) {
      const i = this.ids.get(s);
      if (i !== undefined) return i;
    }
    const i = this.unique++;
    if (share) this.ids.set(s, i);
    // Entries go to the part a few hundred at a time: one write per entry costs more than the entry.
    if (this.batch.push(si(s)) >= 256) this.flush();
    return i;
  }

  private flush(): void {
    if (this.batch.length) this.part.write(this.batch.join(''));
    this.batch.length = 0;
  }

  /** An index the caller already had, used once more (for the count). */
  again(id: number): number {
    this.uses++;
    return id;
  }

  end(): void {
    this.flush();
    this.part.end(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.unique}">`, '</sst>');
  }
}
