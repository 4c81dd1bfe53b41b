import { DEDUPE_CHARS, SharedStrings } from '../../../../shared/print/lean/strings';
import { TextSink } from './sink';

describe('the lean writer’s shared strings', () => {
  test('short strings are written once and shared; long ones each time; counts in the head', () => {
    const sink = new TextSink();
    const s = new SharedStrings(sink.part('sst'));
    const long = '长'.repeat(DEDUPE_CHARS + 1);
    expect([s.id('好'), s.id('较好'), s.id('好'), s.id(long), s.id(long)]).toEqual([0, 1, 0, 2, 3]);
    s.end();
    const xml = sink.text('sst');
    expect(xml).toContain('count="5" uniqueCount="4"');
    expect(xml.match(/<si>/g)).toHaveLength(4);
  });

  test('leading or trailing whitespace and line breaks are preserved; markup escaped', () => {
    const sink = new TextSink();
    const s = new SharedStrings(sink.part('sst'));
    s.id(' 前导空格');
    s.id('两行\n文字');
    s.id('<b>&</b>');
    s.id('无空格');
    s.end();
    const xml = sink.text('sst');
    expect(xml).toContain('<si><t xml:space="preserve"> 前导空格</t></si>');
    expect(xml).toContain('<si><t xml:space="preserve">两行\n文字</t></si>');
    expect(xml).toContain('<si><t>&lt;b&gt;&amp;&lt;/b&gt;</t></si>');
    expect(xml).toContain('<si><t>无空格</t></si>');
  });

  test('strings stream into the part as they are met, a few hundred at a time', () => {
    const sink = new TextSink();
    const s = new SharedStrings(sink.part('sst'));
    for (let i = 0; i < 300; i++) s.id(`第${i}村`);
    expect(sink.body('sst')).toMatch(/^<si><t>第0村<\/t><\/si>.*<si><t>第255村<\/t><\/si>$/);
    s.end();
    expect(sink.text('sst')).toContain('<si><t>第299村</t></si></sst>');
  });
});
