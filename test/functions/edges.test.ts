// Edges of the HTTP surface through the dev host: malformed URLs, credentials checked before a body
// is read, bodies read with a cap, memory that stays flat under refused uploads.
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import { errorBodySchema } from '../../shared/api/contract';
import { campaignBody, startStack, type Stack } from './stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

const error = async (r: Response) => errorBodySchema.parse(await r.json()).error;
const MB = 1024 * 1024;

describe('malformed URL escapes', () => {
  it.each([
    ['a cut-off escape in a route parameter', '/api/campaigns/%E0%A4%A/completeness'],
    ['a lone percent sign', '/api/campaigns/c2026/townships/%/submissions'],
    ['an escape that is not UTF-8', '/api/campaigns/%FF%FE/completeness'],
  ])('%s is a 400 with a Chinese message, not a 500', async (_name, path) => {
    const r = await fetch(st.url + path, { headers: { Authorization: `Bearer ${st.county()}` } });
    expect(r.status).toBe(400);
    const e = await error(r);
    expect(e.code).toBe('REQUEST_URL_INVALID');
    expect(e.message).toContain('百分号编码');
  });

  it('in a static path is a 400 too', async () => {
    const r = await fetch(`${st.url}/%E0%A4%A.js`);
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('百分号编码');
  });
});

describe('ids from the address', () => {
  it.each([
    // "../c2026" is no table key: storage answered 500, and the county read "存储服务暂时无法访问" (503).
    ['a campaign in a query that is no id', 'POST', '/roster/parse?campaign=..%2Fc2026', 400, '请求内容不正确：工作批次：编号只能使用小写字母、数字和短横线（不超过 63 个字符）'],
    // A plain lookup found Object.prototype for "__proto__", and the read failed with a 500.
    ['a standard in a query that is none', 'POST', '/roster/parse?schemeId=__proto__', 400, '请求内容不正确：评定标准：应为以下之一：“default6”、“yichun5”'],
    ['a NUL in a campaign id, quoted escaped', 'GET', '/campaigns/c2026%00/completeness', 404, '工作批次“c2026\\u0000”不存在，请先由县委组织部创建'],
    ['a direction override in a township id', 'GET', '/campaigns/c2026/townships/dongshan%E2%80%AE/submissions', 404, '本批次中没有编号为“dongshan\\u202E”的乡镇（街道）'],
    ['a line break in a version', 'GET', '/campaigns/c2026/townships/dongshan/versions/1%0A2', 404, '“东山镇”没有第 1\\n2 版'],
  ])('%s: %s %s → %i in Chinese, on one line', async (_name, method, path, status, message) => {
    const r = await st.call(method, path, { token: st.county(), ...(method === 'POST' ? { text: '东山镇\t东山村党支部' } : {}) });
    expect([r.status, (await error(r)).message]).toEqual([status, message]);
  });
});

describe('requests Node refuses before any route', () => {
  /** The raw answer to raw bytes: Node's parser, not a route, decides these. */
  const raw = (bytes: string) =>
    new Promise<string>((resolve, reject) => {
      const u = new URL(st.url);
      const socket = net.connect(Number(u.port), u.hostname, () => socket.end(bytes));
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (got += d));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });

  it.each([
    // Node answered an empty 431, or reset the connection while the client was still sending.
    ['an address of 100 KB', `GET /api/campaigns/${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, '请求地址或请求头过长，未予处理；请检查链接是否完整，或是否被重复粘贴'],
    ['a header of 20 KB', `GET /api/me HTTP/1.1\r\nHost: x\r\nX-Pad: ${'x'.repeat(20_000)}\r\n\r\n`, 431, '请求地址或请求头过长，未予处理；请检查链接是否完整，或是否被重复粘贴'],
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400, '请求内容不正确：不是有效的 HTTP 请求'],
  ])('%s is answered in Chinese JSON', async (_name, bytes, status, message) => {
    const answer = await raw(bytes);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(errorBodySchema.parse(JSON.parse(body)).error.message).toBe(message);
  });
});

/** Sends headers and the first chunk of a body that never ends; resolves with the answer. */
function answerBeforeBodyEnds(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(st.api + path);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.write(Buffer.alloc(64 * 1024, 7));
  });
}

describe('the credential is checked before the body is read', () => {
  it('a bad token is refused while the body is still being sent', async () => {
    const r = await answerBeforeBodyEnds('/campaigns/c2026/townships/dongshan/submissions', { Authorization: 'Bearer not-a-token' });
    expect(r.status).toBe(401);
    expect(errorBodySchema.parse(JSON.parse(r.body)).error.code).toBe('AUTH_INVALID');
  });

  it('so is another township’s token, and a review by a township', async () => {
    const up = await answerBeforeBodyEnds('/campaigns/c2026/townships/dongshan/submissions', { Authorization: `Bearer ${st.township('xihe')}` });
    expect(up.status).toBe(403);
    const rv = await answerBeforeBodyEnds('/campaigns/c2026/townships/dongshan/review', { Authorization: `Bearer ${st.township('dongshan')}`, 'Content-Type': 'application/json' });
    expect(rv.status).toBe(403);
  });

  it('40 bodies of 20 MB with a bad token, at once, leave the host’s memory flat', async () => {
    const { statuses, growthMb } = await sentAtOnce('bad', 20 * MB);
    expect(statuses).toEqual(Array(40).fill(401));
    // Buffering them (as the host once did) costs 800 MB; refusing them unread costs socket buffers.
    expect(growthMb).toBeLessThan(150);
  });

  it('40 bodies of 19 MB with a valid credential, at once: each answered, the host holding at most its body budget (64 MB) of them', async () => {
    // Not workbooks: each is read whole, then refused (a township's own file, so read it is).
    const { statuses, growthMb } = await sentAtOnce(st.township('dongshan'), 19 * MB);
    expect(new Set(statuses)).toEqual(new Set([422]));
    // Measured: about 230 MB (three bodies held, plus their 64 KB chunks and the bodies just
    // answered, until the collector runs); 830 MB without the budget.
    expect(growthMb).toBeLessThan(400);
  });
});

/**
 * 40 uploads of `size` bytes to 东山镇 at once with `token`: their statuses, and how far this
 * process's RSS rose meanwhile. The client runs in its own process, so that RSS is the host's alone.
 */
async function sentAtOnce(token: string, size: number): Promise<{ statuses: number[]; growthMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const statuses = await sendFromChild(`${st.api}/campaigns/c2026/townships/dongshan/submissions`, token, 40, size);
    return { statuses, growthMb: (peak - before) / MB };
  } finally {
    clearInterval(sample);
  }
}

/** n POSTs of `size` bytes each, at once, from a child process; the statuses in order. */
function sendFromChild(url: string, token: string, n: number, size: number): Promise<number[]> {
  const script = `
    const http = require('node:http');
    const [url, token, n, size] = process.argv.slice(1);
    const body = Buffer.alloc(Number(size), 1);
    const one = () => new Promise((resolve) => {
      const req = http.request(url, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Length': body.length } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
      req.on('error', (e) => resolve('error ' + e.code));
      req.end(body);
    });
    Promise.all(Array.from({ length: Number(n) }, one)).then((s) => process.stdout.write(JSON.stringify(s)));
  `;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', script, url, token, String(n), String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', () => {
      try {
        resolve(JSON.parse(out) as number[]);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

describe('bodies are read with a cap', () => {
  it('an upload without Content-Length is cut off at the cap with 413', async () => {
    let sent = 0;
    const chunk = new Uint8Array(MB).fill(2);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        // Far more than the cap; the host must stop reading long before the end.
        if (sent >= 60) return c.close();
        sent++;
        c.enqueue(chunk);
      },
    });
    const r = await fetch(`${st.api}/campaigns/c2026/townships/dongshan/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${st.township('dongshan')}` },
      body: stream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(r.status).toBe(413);
    const e = await error(r);
    expect(e.code).toBe('UPLOAD_TOO_LARGE');
    expect(e.message).toContain('超过上限 20.0 MB');
  });

  it('a JSON body over its cap (8 MB, below the upload cap) is a 413 in Chinese', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county('c2040'), body: new Uint8Array(9 * MB).fill(32), headers: { 'Content-Type': 'application/json' } });
    expect(r.status).toBe(413);
    const e = await error(r);
    expect(e.code).toBe('REQUEST_TOO_LARGE');
    expect(e.message).toBe('请求内容超过上限 8.0 MB，未予处理');
  });
});
