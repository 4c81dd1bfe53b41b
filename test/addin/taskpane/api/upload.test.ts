// The page's upload over XMLHttpRequest: a connection that stops moving ends with a Chinese
// message after a quiet period (sending) or a wait for the answer (sent), and the request is
// aborted; one that moves, or answers, is never cut. XMLHttpRequest is faked: jest runs in Node.
import { ANSWER_MS, SEND_QUIET_MS, watchStall } from '../../../../addin/taskpane/api/stall';
import { sendWorkbook, STALLED } from '../../../../addin/taskpane/api/upload';

class FakeXhr {
  static last: FakeXhr | undefined;
  status = 0;
  responseText = '';
  aborted = false;
  sentBody: unknown;
  headers: Record<string, string> = {};
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onerror: (() => void) | null = null;
  onload: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(): void {}
  setRequestHeader(k: string, v: string): void {
    this.headers[k] = v;
  }
  send(body: unknown): void {
    this.sentBody = body;
  }
  abort(): void {
    this.aborted = true;
  }
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  answer(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const g = globalThis as unknown as { XMLHttpRequest?: unknown };
let saved: unknown;
beforeEach(() => {
  jest.useFakeTimers();
  saved = g.XMLHttpRequest;
  g.XMLHttpRequest = FakeXhr;
});
afterEach(() => {
  g.XMLHttpRequest = saved;
  jest.useRealTimers();
});

const send = () => {
  const settled: { value?: unknown; error?: Error } = {};
  const p = sendWorkbook('http://x/api/campaigns/c/townships/t/submissions', { Authorization: 'Bearer k' }, new Uint8Array([1, 2, 3]), () => {});
  p.then(
    (v) => (settled.value = v),
    (e: Error) => (settled.error = e),
  );
  return { settled, xhr: FakeXhr.last as FakeXhr };
};

describe('sendWorkbook: a stalled upload ends, a moving one does not', () => {
  it.each<[string, (x: FakeXhr) => void, boolean]>([
    ['nothing sent for the quiet period', () => jest.advanceTimersByTime(SEND_QUIET_MS), true],
    ['bytes moving every 50 s for 5 minutes', () => {
      for (let i = 1; i <= 6; i++) {
        jest.advanceTimersByTime(50_000);
        (FakeXhr.last as FakeXhr).progress(i, 10);
      }
    }, false],
    ['sent, then no answer for the answer wait', (x) => {
      x.upload.onload?.();
      jest.advanceTimersByTime(ANSWER_MS);
    }, true],
    ['sent, an answer just before the wait ends', (x) => {
      x.upload.onload?.();
      jest.advanceTimersByTime(ANSWER_MS - 1);
      x.answer(503, { error: { code: 'UPLOADS_BUSY', message: '上报的人较多，请稍后重试' } });
      jest.advanceTimersByTime(ANSWER_MS * 2);
    }, false],
  ])('%s', async (_what, play, stalls) => {
    const { settled, xhr } = send();
    play(xhr);
    await Promise.resolve();
    await Promise.resolve();
    expect(xhr.aborted).toBe(stalls);
    if (stalls) expect(settled.error?.message).toBe(STALLED);
    else expect(settled.error?.message ?? '').not.toBe(STALLED);
  });

  it('the stall message is Chinese and says a second upload of the same file is safe', () => {
    expect(STALLED).toMatch(/^网络长时间没有响应/);
    expect(STALLED).toContain('不会重复保存');
  });
});

describe('watchStall', () => {
  it('stop() ends the watch: nothing fires afterwards', () => {
    const fired = jest.fn();
    const w = watchStall(fired, 10, 20);
    w.sent();
    w.stop();
    jest.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
  });
});
