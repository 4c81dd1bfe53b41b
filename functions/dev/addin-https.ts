// The manifest's URLs are https://localhost:3000/…: Excel loads the task pane and the custom
// functions from there when the add-in is sideloaded. `npm start` serves dist/ there with a
// self-signed certificate kept under .data/dev-cert (trust it once, or use `npm run dev:addin`
// with a trusted office-addin-dev-certs certificate).
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { dataDir } from './env';
import { serveStatic } from './host';

async function devCertificate(): Promise<{ key: string; cert: string }> {
  const dir = path.join(dataDir(), 'dev-cert');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  }
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

export async function startAddinHttps(port: number, dist: string): Promise<{ url: string; close(): Promise<void> }> {
  const tls = await devCertificate();
  const server = https.createServer(tls, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    // Custom functions fetch functions.json from the Office origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    serveStatic(dist, url.pathname, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `https://localhost:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
