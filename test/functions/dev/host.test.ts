// The dev host's static files (the add-in's dist/): a path fs cannot take is a 400 or 404 in
// Chinese like any bad path, never a throw (an empty 500 and a stack in the log).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { serveStatic } from '../../../functions/dev/host';

let dir: string;
let server: http.Server;
let base: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-host-static-'));
  fs.writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>分类定级</title>');
  server = http.createServer((req, res) => serveStatic(dir, new URL(req.url ?? '/', 'http://x').pathname, res));
  await new Promise<void>((r) => server.listen(0, r));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

test.each([
  ['a NUL', '/%00', 400, '请求地址含有不允许的控制字符，请检查链接是否完整。'],
  ['a NUL inside a file name', '/taskpane%00.html', 400, '请求地址含有不允许的控制字符，请检查链接是否完整。'],
  ['a line break', '/a%0Ab.js', 400, '请求地址含有不允许的控制字符，请检查链接是否完整。'],
  ['a malformed escape', '/%E0%A4%A.js', 400, '请求地址含有无法识别的百分号编码，请检查链接是否完整。'],
  ['a file that is not there', '/nothing.js', 404, '找不到这个页面或文件，请检查地址是否正确。'],
  ['a way out of the directory', '/..%2f..%2fetc%2fpasswd', 403, '不能访问加载项目录以外的文件。'],
])('%s (%s): %i in Chinese', async (_what, p, status, text) => {
  const r = await fetch(base + p);
  expect([r.status, await r.text()]).toEqual([status, text]);
});
