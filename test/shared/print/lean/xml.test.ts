import { cellText, xmlAttr, xmlText } from '../../../../shared/print/lean/xml';

describe('escaping for the lean writer', () => {
  test('text: markup escaped, a CR kept as a reference (a parser would read it as LF), quotes left', () => {
    expect(xmlText('a<b>&c"d\'\r\n')).toBe('a&lt;b&gt;&amp;c"d\'&#13;\n');
    const plain = '东山村党支部';
    expect(xmlText(plain)).toBe(plain);
  });

  test('cell text: an underscore that starts _xHHHH_ is escaped, so Excel does not read a character code', () => {
    expect(cellText('_x0041_ and _x00zz_ and a_b')).toBe('_x005F_x0041_ and _x00zz_ and a_b');
    expect(cellText('<_x000D_>')).toBe('&lt;_x005F_x000D_&gt;');
  });

  test('attributes: quotes, tab, LF and CR as references', () => {
    expect(xmlAttr('a"b\tc\nd\re&<>')).toBe('a&quot;b&#9;c&#10;d&#13;e&amp;&lt;&gt;');
  });
});
