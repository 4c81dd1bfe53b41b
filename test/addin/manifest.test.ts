// manifest.xml: every resource id it uses exists with the right kind, the shared runtime, the
// custom functions page and the ribbon button all use the one task pane page, URLs are https.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { defaultScheme } from '../../shared/scheme/default';
import { DETAIL_LAYOUT, detailColumns } from '../../shared/template/definition';
import { colLetter } from '../../shared/workbook/a1';

const root = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

interface El {
  tag: string;
  attrs: Record<string, string>;
  parent: string;
  children: El[];
  text: string;
}

/** Flattens fast-xml-parser's preserveOrder output into elements with their parent tag. */
function elements(): El[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false });
  const out: El[] = [];
  const walk = (nodes: unknown[], parent: string): El[] =>
    nodes.flatMap((n) => {
      const node = n as Record<string, unknown>;
      const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
      if (!tag || tag === '?xml') return [];
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      const kids = (node[tag] ?? []) as unknown[];
      const text = kids.map((k) => (k as Record<string, unknown>)['#text']).filter((t) => t !== undefined).join('');
      const el: El = { tag, attrs, parent, children: [], text: String(text) };
      out.push(el);
      el.children = walk(kids, tag);
      return [el];
    });
  walk(parser.parse(xml) as unknown[], '');
  return out;
}

const els = elements();
const defined = (kind: string) => new Map(els.filter((e) => e.tag === kind && e.attrs.id && e.parent.startsWith('bt:')).map((e) => [e.attrs.id as string, e]));
const images = defined('bt:Image');
const urls = defined('bt:Url');
const strings = new Map([...els.filter((e) => e.tag === 'bt:String' && e.attrs.id).map((e) => [e.attrs.id as string, e] as const)]);
const uses = els.filter((e) => e.attrs.resid !== undefined);

test('the manifest parses and is a task pane add-in for Excel', () => {
  const app = els.find((e) => e.tag === 'OfficeApp');
  expect(app?.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(els.find((e) => e.tag === 'Host' && e.attrs.Name)?.attrs.Name).toBe('Workbook');
  expect(els.find((e) => e.tag === 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test('every resid resolves to a resource of the right kind', () => {
  expect(uses.length).toBeGreaterThan(10);
  for (const u of uses) {
    const id = u.attrs.resid as string;
    const kind = u.tag === 'bt:Image' ? images : u.tag === 'SourceLocation' || u.tag === 'Runtime' || u.tag === 'FunctionFile' || u.tag === 'LearnMoreUrl' ? urls : strings;
    expect([u.tag, id, kind.has(id)]).toEqual([u.tag, id, true]);
  }
});

test('resource ids are unique and all used', () => {
  const ids = els.filter((e) => e.parent.startsWith('bt:') && e.attrs.id).map((e) => e.attrs.id);
  expect(new Set(ids).size).toBe(ids.length);
  const used = new Set(uses.map((u) => u.attrs.resid));
  for (const id of ids) expect([id, used.has(id)]).toEqual([id, true]);
});

test('shared runtime: runtime, custom functions page, function file and button share the task pane URL', () => {
  expect(els.find((e) => e.tag === 'Set')?.attrs).toEqual({ Name: 'SharedRuntime', MinVersion: '1.1' });
  const runtime = els.find((e) => e.tag === 'Runtime');
  expect(runtime?.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
  const cf = els.find((e) => e.tag === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions');
  const loc = (tag: string) => cf?.children.find((c) => c.tag === tag)?.children.find((c) => c.tag === 'SourceLocation')?.attrs.resid;
  expect(loc('Page')).toBe('Taskpane.Url');
  expect(els.find((e) => e.tag === 'FunctionFile')?.attrs.resid).toBe('Taskpane.Url');
  const button = els.find((e) => e.tag === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane');
  expect(button?.children.find((c) => c.tag === 'SourceLocation')?.attrs.resid).toBe('Taskpane.Url');
  expect(urls.get('Taskpane.Url')?.attrs.DefaultValue).toMatch(/\/taskpane\.html$/);
  expect(urls.get(loc('Script') ?? '')?.attrs.DefaultValue).toMatch(/\/functions\.js$/);
  const meta = urls.get(loc('Metadata') ?? '');
  expect(meta?.attrs.DefaultValue).toMatch(/\/functions\.json$/);
  expect(meta?.children.map((c) => [c.attrs.Locale, c.attrs.Value])).toEqual([['zh-CN', 'https://localhost:3000/functions.zh-CN.json']]);
  const ns = cf?.children.find((c) => c.tag === 'Namespace')?.attrs.resid ?? '';
  expect(strings.get(ns)?.attrs.DefaultValue).toBe('DJ');
});

test('every URL is https and on the add-in origin', () => {
  const values = els.flatMap((e) =>
    Object.entries(e.attrs)
      .filter(([k, v]) => (k === 'DefaultValue' || k === 'Value') && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v),
  );
  const appDomains = els.filter((e) => e.tag === 'AppDomain').map((e) => e.text);
  expect(values.length).toBeGreaterThan(8);
  for (const v of [...values, ...appDomains]) expect(v).toMatch(/^https:\/\/localhost:3000(\/|$)/);
});

test('icons referenced exist in addin/assets', () => {
  const files = [...images.values()].map((e) => e.attrs.DefaultValue as string);
  files.push(...['IconUrl', 'HighResolutionIconUrl'].map((t) => els.find((e) => e.tag === t)?.attrs.DefaultValue ?? ''));
  for (const url of files) {
    const name = url.replace('https://localhost:3000/assets/', '');
    const bytes = fs.readFileSync(path.join(root, 'addin', 'assets', name));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = bytes.readUInt32BE(16);
    expect(name).toBe(`icon-${size}.png`);
  }
});

test('the first-run examples name the template’s own columns: 总分 for GRADE, 等次 and 类别 for QUOTA_CHECK', () => {
  // The template's columns come from its definition (default standard): letters and first data row.
  const cols = detailColumns(defaultScheme);
  const letter = (key: string) => colLetter(cols.findIndex((c) => c.key === key) + 1);
  const first = DETAIL_LAYOUT.firstDataRow;
  const text = (e: El | undefined) => [e?.attrs.DefaultValue ?? '', ...(e?.children.map((c) => c.attrs.Value ?? '') ?? [])];
  for (const t of text(strings.get('GetStarted.Description'))) {
    expect(t).toContain(`=DJ.GRADE(${letter('total')}${first})`);
    expect(t).toContain(`=DJ.QUOTA_CHECK(${letter('grade')}${first}:${letter('grade')}200, ${letter('category')}${first}:${letter('category')}200)`);
  }
});

test('texts Office shows stay within its lengths (ShortStrings 125, LongStrings 250, DisplayName 125, Description 250)', () => {
  const within = (tag: string, max: number) => {
    for (const e of els.filter((x) => x.tag === tag)) for (const v of [e.attrs.DefaultValue ?? '', ...e.children.map((c) => c.attrs.Value ?? '')]) expect([tag, v, v.length <= max]).toEqual([tag, v, true]);
  };
  for (const e of els.filter((x) => x.tag === 'bt:String')) {
    const max = e.parent === 'bt:LongStrings' ? 250 : 125;
    for (const v of [e.attrs.DefaultValue ?? '', ...e.children.map((c) => c.attrs.Value ?? '')]) expect([e.attrs.id, v.length <= max]).toEqual([e.attrs.id, true]);
  }
  within('DisplayName', 125);
  within('Description', 250);
});
