// The Functions app registers exactly the contract's routes, one HTTP function per file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { loadRegistrations } from '../../functions/dev/host';
import { configure } from '../../functions/src/config';
import { errorBodySchema, routes } from '../../shared/api/contract';

const toAzure = (p: string) => p.replace(/^\//, '').replace('/C/', '/{campaignId}/').replace(/\/C$/, '/{campaignId}').replace('/T/', '/{townshipId}/');

describe('registrations', () => {
  const regs = loadRegistrations();

  it('has one registration per file in src/functions', () => {
    const files = fs.readdirSync(path.join(__dirname, '../../functions/src/functions')).filter((f) => f.endsWith('.ts'));
    expect(regs).toHaveLength(files.length);
    expect(new Set(regs.map((r) => r.name)).size).toBe(regs.length);
  });

  it.each([
    ['GET', routes.me()],
    ['POST', routes.campaigns()],
    ['GET', routes.campaign('C')],
    ['GET', routes.template('C', 'T')],
    ['POST', routes.submissions('C', 'T')],
    ['GET', routes.submissions('C', 'T')],
    ['POST', routes.review('C', 'T')],
    ['GET', routes.completeness('C')],
    ['GET', routes.consolidated('C')],
  ])('serves %s %s', (method, route) => {
    const hits = regs.filter((r) => r.route === toAzure(route) && r.methods.includes(method as 'GET'));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.authLevel).toBe('anonymous');
  });
});

describe('every endpoint answers through the handler wrapper', () => {
  // With the app misconfigured (no storage, no secret) every handler fails at its first step; each
  // must answer the Chinese 500 with the invocation id itself, never throw to the host.
  const regs = loadRegistrations();
  beforeAll(() => configure({ connectionString: '', secret: '' }));

  it.each(regs.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const method = r.methods[0] ?? 'GET';
    const route = r.route.replace(/\{(\w+)\}/g, (_m, k: string) => (k === 'campaignId' ? 'c2026' : 'dongshan'));
    const params = Object.fromEntries([...r.route.matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? '', m[1] === 'campaignId' ? 'c2026' : 'dongshan']));
    const req = new HttpRequest({ method, url: `http://localhost/api/${route}`, headers: { authorization: 'Bearer x' }, params, ...(method === 'POST' ? { body: { string: '{}' } } : {}) });
    const logged: string[] = [];
    const ctx = new InvocationContext({ invocationId: `inv-${r.name}`, functionName: r.name, logHandler: (_l, ...a) => logged.push(a.map(String).join(' ')) });
    const res = (await r.handler(req, ctx)) as HttpResponseInit;
    expect(res.status).toBe(500);
    const e = errorBodySchema.parse(res.jsonBody).error;
    expect(e.code).toBe('SERVER_FAULT');
    expect(e.message).toContain(`inv-${r.name}`);
    expect(logged.join('\n')).toContain(`inv-${r.name}`);
  });
});
