// Requests Node's parser refuses before any route sees them: an address or headers over its 16 KB,
// a request line that is not HTTP. Node answered those with an empty 431 or 400, or reset the
// connection under a client still sending (a page saw no message at all). Answered here as every
// refusal is, in Chinese JSON; the rest of what the client sends is read and dropped until it has
// sent it, so that closing does not reset the connection before the answer is read.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, errorBody } from '../src/http/errors';

const REASONS: Record<number, string> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const e = err.code === 'HPE_HEADER_OVERFLOW' ? new ApiError('REQUEST_HEADERS_TOO_LARGE') : new ApiError('REQUEST_BODY_INVALID', { detail: '不是有效的 HTTP 请求' });
    const body = JSON.stringify(errorBody(e));
    socket.on('data', () => undefined);
    socket.on('error', () => socket.destroy());
    socket.end(`HTTP/1.1 ${e.status} ${REASONS[e.status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    // A client that never stops sending is not waited for.
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}
