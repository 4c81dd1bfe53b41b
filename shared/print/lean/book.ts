// The lean .xlsx writer's workbook: printed sheets (writer.ts) added to it stream their rows into
// parts of a container (part.ts); the shared strings stream alongside; styles, the workbook part
// and the package parts are written at `finish`. What stays in memory is the string table, the
// styles and each open sheet's merges and uncommitted rows.
import { colLetter } from '../../workbook/a1';
import type { SheetPlan } from '../layout';
import type { SheetBook, SheetOutput } from '../output';
import type { SheetDef } from '../types';
import { appXml, contentTypes, coreXml, rootRels, workbookRels, workbookXml } from './package';
import type { Part, PartSink } from './part';
import { LeanSheet, printNames } from './sheet';
import { SharedStrings } from './strings';
import { StyleTable } from './styles';

export interface BookMeta {
  /** docProps/core.xml's creator (the county office). */
  creator: string;
  created: Date;
}

interface SheetEntry {
  name: string;
  names: string | null;
}

/** Characters Excel refuses in a sheet name. */
const BAD_NAME = /[[\]:*?/\\]/;

export class LeanBook implements SheetBook {
  private readonly parts: Record<'types' | 'rels' | 'core' | 'app' | 'workbook' | 'workbookRels' | 'styles', Part>;
  private readonly strings: SharedStrings;
  private readonly styles = new StyleTable();
  private readonly sheets: SheetEntry[] = [];
  private finished = false;

  constructor(
    private readonly sink: PartSink,
    private readonly meta: BookMeta,
  ) {
    // Opened first though written last, so the package lists its parts in the usual order.
    this.parts = {
      types: sink.part('[Content_Types].xml'),
      rels: sink.part('_rels/.rels'),
      core: sink.part('docProps/core.xml'),
      app: sink.part('docProps/app.xml'),
      workbook: sink.part('xl/workbook.xml'),
      workbookRels: sink.part('xl/_rels/workbook.xml.rels'),
      styles: sink.part('xl/styles.xml'),
    };
    this.strings = new SharedStrings(sink.part('xl/sharedStrings.xml'));
  }

  addSheet(def: SheetDef, plan: SheetPlan): SheetOutput {
    if (this.finished) throw new Error('lean xlsx writer: the workbook is finished');
    // Excel refuses such a workbook whole, so a bad name is a programming error, caught here.
    const taken = this.sheets.some((s) => s.name.toLowerCase() === def.name.toLowerCase());
    if (!def.name || def.name.length > 31 || BAD_NAME.test(def.name) || taken) throw new Error(`lean xlsx writer: bad or repeated sheet name ${JSON.stringify(def.name)}`);
    const index = this.sheets.length;
    const entry: SheetEntry = { name: def.name, names: null };
    this.sheets.push(entry);
    const part = this.sink.part(`xl/worksheets/sheet${index + 1}.xml`);
    const lastCol = colLetter(Math.max(1, def.columns.length));
    const titles = { titleRows: { top: plan.headerTop, bottom: plan.headerBottom } };
    return new LeanSheet(part, def, plan, this.strings, this.styles, (area) => (entry.names = printNames(def.name, index, titles, lastCol, area)));
  }

  /** Writes the parts known only now; every sheet must have been ended. */
  finish(): void {
    if (this.finished) return;
    const open = this.sheets.filter((s) => s.names === null).map((s) => s.name);
    if (open.length) throw new Error(`lean xlsx writer: sheets not ended: ${open.join(', ')}`);
    this.finished = true;
    const names = this.sheets.map((s) => s.name);
    this.strings.end();
    const p = this.parts;
    p.styles.end(this.styles.xml(), '');
    p.workbook.end(workbookXml(names, this.sheets.map((s) => s.names ?? '').join('')), '');
    p.workbookRels.end(workbookRels(names.length), '');
    p.app.end(appXml(names), '');
    p.core.end(coreXml(this.meta.creator, this.meta.created), '');
    p.rels.end(rootRels(), '');
    p.types.end(contentTypes(names.length), '');
  }
}
