// The benches' HTTP client: node:http with keep-alive, in place of fetch. The townships' machines
// are not the server's, but here they share its two cores, so the load generator should cost as
// little as it can: fetch (undici) took about 1.4 ms of CPU per upload, which the server then did
// not have. Same requests as functions/dev/api-call (the demo's client): an .xlsx body or JSON.
import * as http from 'node:http';
import { XLSX_MIME } from '../../shared/api/contract';

export interface BenchResponse {
  status: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function benchCall(api: string, method: string, p: string, token: string, body?: unknown): Promise<BenchResponse> {
  const headers: Record<string, string | number> = { Authorization: `Bearer ${token}` };
  let b: Buffer | undefined;
  if (body instanceof Uint8Array) {
    headers['Content-Type'] = XLSX_MIME;
    b = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    b = Buffer.from(JSON.stringify(body));
  }
  if (b) headers['Content-Length'] = b.length;
  return new Promise((resolve, reject) => {
    const req = http.request(api + p, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          text: () => Promise.resolve(all.toString('utf8')),
          arrayBuffer: () => Promise.resolve(all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)),
        });
      });
    });
    req.on('error', reject);
    req.end(b);
  });
}
