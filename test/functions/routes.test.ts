// The Functions app registers exactly the contract's routes, one HTTP function per file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistrations } from '../../functions/dev/host';
import { routes } from '../../shared/api/contract';

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
