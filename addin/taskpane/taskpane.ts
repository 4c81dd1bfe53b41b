// Entry of the task pane and of the standalone page: find out where we run, wire the real
// implementations of the ports into the controllers, mount the views, then connect — by the link
// the page was opened with (#server=…&token=…), else with the remembered connection.
import { ApiClient } from './api/client';
import { CheckUploadController } from './controllers/check-upload';
import { ConnectionController } from './controllers/connection';
import { countyScreens } from './county-screens';
import { documentSettingsStore } from './excel/highlight';
import { browserFiles } from './host/browser-files';
import { detectHost } from './host/capabilities';
import { pageConfirm } from './host/confirm-dialog';
import { delivery } from './host/delivery';
import { excelPort } from './host/excel-port';
import { lazyReader } from './host/reader';
import { forgetConnection, loadConnection, saveConnection } from './host/storage';
import type { Session } from './ports';
import { createStore, initialState } from './state';
import { byId } from './ui/dom';
import { connectionView } from './views/connection-view';
import { statusView } from './views/status-view';
import { workView } from './views/work-view';

/** From this width the county view is a table (a desktop browser); the task pane is ~340 px. */
const WIDE = '(min-width: 900px)';

async function main(): Promise<void> {
  const caps = await detectHost();
  const store = createStore(initialState());
  const session: Session = { api: null };
  const excel = caps.inExcel ? excelPort(documentSettingsStore()) : null;
  const files = browserFiles(byId<HTMLInputElement>('file'));
  const clock = { now: () => Date.now() };

  const lost = (message: string) => void connection.lost(message);
  // An upload opens (or changes) the township's 整改台账: it is read again, not left at "暂无整改事项".
  const work = new CheckUploadController(store, { caps, excel, files, reader: lazyReader, afterUpload: () => county.enterTownship() }, session, lost);
  const county = countyScreens({
    store,
    session,
    lost,
    caps,
    excel,
    files,
    confirm: pageConfirm(),
    delivery: delivery(excel, files, !caps.missing.openWorkbook),
    clock,
    page: () => `${location.origin}${location.pathname}`,
  });
  const connection = new ConnectionController(
    store,
    { api: (url, token) => new ApiClient(url, token), credentials: { load: loadConnection, save: saveConnection, forget: forgetConnection } },
    session,
    (me) => (me.role === 'township' ? work.loadStatus().then(() => county.enterTownship()) : county.enter()),
  );

  connectionView(store, connection);
  workView(store, work, caps, clock);
  statusView(store, work);

  const wide = window.matchMedia(WIDE);
  const applyLayout = () => store.set({ layout: wide.matches ? 'wide' : 'narrow' });
  applyLayout();
  wide.addEventListener('change', applyLayout);
  const mark = () => {
    const s = store.get();
    document.body.dataset.layout = s.layout;
    document.body.dataset.role = s.connection.me?.role ?? 'none';
  };
  mark();
  store.subscribe(mark);

  const clearFragment = () => history.replaceState(null, '', `${location.pathname}${location.search}`);
  if (!(await connection.openLink(location.hash, clearFragment))) await connection.restore(/^https?:$/.test(location.protocol) ? location.origin : '');
  // A link pasted into the address bar of the open page changes only the fragment: no reload.
  window.addEventListener('hashchange', () => void connection.openLink(location.hash, clearFragment));
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
