// An upload that stops moving. XMLHttpRequest has no deadline of its own, and a connection that
// stalls without an error (a township's line dropping mid-file behind a proxy) left the 上报
// button busy for good: the clerk could only reload the page. While sending, no progress for
// SEND_QUIET_MS is a stall; once sent, no answer within ANSWER_MS is (the server itself answers a
// read still waiting for its turn with 503 after 30 s, so a live server answers well within it).
export const SEND_QUIET_MS = 60_000;
export const ANSWER_MS = 120_000;

export interface StallWatch {
  /** Bytes went out: the quiet period starts again. */
  progress(): void;
  /** Everything is sent: now the answer has ANSWER_MS. */
  sent(): void;
  stop(): void;
}

export function watchStall(onStall: () => void, quietMs = SEND_QUIET_MS, answerMs = ANSWER_MS): StallWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const arm = (ms: number) => {
    stop();
    timer = setTimeout(() => {
      timer = undefined;
      onStall();
    }, ms);
  };
  arm(quietMs);
  return { progress: () => arm(quietMs), sent: () => arm(answerMs), stop };
}
