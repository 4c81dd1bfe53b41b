// A township's link revoked while its upload's body is still arriving: the county was told the
// link stopped working at once, so the upload is refused as the link is (401 in Chinese, with the
// Beijing time of the revocation) and no version is stored.
import { errorBodySchema, townshipStatusSchema, type AccessList } from '../../../shared/api/contract';
import { readSignInFragment } from '../../../shared/api/link';
import { beijingText } from '../../../shared/consolidate/deadline';
import { RECHECK_AFTER_MS } from '../../../functions/src/functions/submission-upload';
import { filled } from '../filled';
import { campaignBody, startStack, type Stack } from '../stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
}, 60_000);
afterAll(() => st.stop());

const XH = { id: 'xihe', name: '西河乡' };

/** Sends the first half of `bytes` at once; the rest when `finish()` is called. */
function slowUpload(token: string, bytes: Uint8Array): { answer: Promise<Response>; finish: () => void } {
  let ctl: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctl = c) });
  const half = Math.floor(bytes.length / 2);
  const answer = fetch(`${st.api}/campaigns/c2026/townships/${XH.id}/submissions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Length': String(bytes.length) },
    body,
    duplex: 'half',
  } as RequestInit);
  ctl?.enqueue(bytes.slice(0, half));
  return {
    answer,
    finish: () => {
      ctl?.enqueue(bytes.slice(half));
      ctl?.close();
    },
  };
}

it('a link revoked while its upload is arriving: 401 naming when, and no version stored', async () => {
  const issued = await st.call('POST', '/campaigns/c2026/access', { token: st.county(), json: { townships: [XH.id], reissue: true, page: `${st.url}/taskpane.html` } });
  const link = ((await issued.json()) as AccessList).townships.find((t) => t.townshipId === XH.id)?.link ?? '';
  const token = readSignInFragment(new URL(link).hash)?.token ?? '';
  const bytes = (await filled(XH, { seed: 7 })).bytes;
  const sent = Date.now();
  const up = slowUpload(token, bytes);

  const revoked = await st.call('POST', '/campaigns/c2026/access/revoke', { token: st.county(), json: { townships: [XH.id] } });
  expect(revoked.status).toBe(200);
  const at = ((await revoked.json()) as AccessList).townships.find((t) => t.townshipId === XH.id)?.revokedAt ?? null;
  // The credential is read again for a body that took RECHECK_AFTER_MS or more, as a slow line's does.
  await new Promise((r) => setTimeout(r, Math.max(0, RECHECK_AFTER_MS + 200 - (Date.now() - sent))));
  up.finish();

  const r = await up.answer;
  expect(r.status).toBe(401);
  expect(errorBodySchema.parse(await r.json()).error).toEqual({ code: 'AUTH_REVOKED', message: `此访问链接已于 ${beijingText(at)}（北京时间）被收回，不能再使用；如需继续上报或查看，请向青山县委组织部索取新的链接` });
  const s = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/c2026/townships/${XH.id}/submissions`, { token: st.county() })).json());
  expect([s.state, s.versions]).toEqual(['missing', []]);
});
