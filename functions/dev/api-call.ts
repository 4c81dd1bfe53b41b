// One authenticated call to the API, for the demo and the benches: a Uint8Array body goes up as
// an .xlsx, anything else as JSON.
import { XLSX_MIME } from '../../shared/api/contract';

export async function apiCall(api: string, method: string, p: string, token: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  let b: BodyInit | undefined;
  if (body instanceof Uint8Array) {
    headers['Content-Type'] = XLSX_MIME;
    b = body as unknown as BodyInit;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    b = JSON.stringify(body);
  }
  return fetch(api + p, { method, headers, ...(b !== undefined ? { body: b } : {}) });
}
