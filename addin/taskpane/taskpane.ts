// Entry of the task pane and of the standalone page: find out where we run, then start.
import { startApp } from './app';
import { detectHost } from './host/capabilities';

async function main(): Promise<void> {
  const caps = await detectHost();
  await startApp(caps);
  document.body.dataset.ready = caps.inExcel ? 'excel' : 'browser';
}

function fail(e: unknown): void {
  const notice = document.getElementById('notice');
  if (notice) {
    notice.className = 'notice error';
    notice.textContent = `页面启动失败，请刷新重试。（${e instanceof Error ? e.message : String(e)}）`;
  }
  document.body.dataset.ready = 'failed';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void main().catch(fail));
else void main().catch(fail);
