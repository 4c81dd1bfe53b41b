// Connect (by a sign-in or invitation link, or by the form), restore a remembered connection,
// disconnect. A connection is all or nothing: the token is checked (/me), its campaign and
// township must exist, and the first view must load; any failure leaves the page fully
// disconnected with one Chinese message and the form back.
import type { Me } from '../../../shared/api/contract';
import { readSignInFragment } from '../../../shared/api/link';
import { issueText } from '../../../shared/issues/catalogue';
import { ApiError } from '../api/client';
import type { CredentialStore, ApiFactory, Session } from '../ports';
import { chooseScheme } from '../scheme';
import { initialSlices } from '../slices';
import { emptyWork, patchSlice, type AppState, type Store } from '../state';
import { ROLE_LABEL } from '../ui/labels';
import { error, errorText, info, ok, setBusy } from './feedback';

export interface ConnectionDeps {
  api: ApiFactory;
  credentials: CredentialStore;
}

/** Loads what the role's first view shows; a failure there fails the connection. */
export type OnConnected = (me: Me) => Promise<void>;

/** The server said this credential is no good: wrong, expired, revoked, or for something that does not exist. */
export function isCredentialRefused(e: unknown): e is ApiError {
  return e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404);
}

/** One sentence: what the server said, and whom to ask when it does not say. */
export function refusedText(message: string): string {
  const said = message.replace(/[。.\s]+$/, '');
  return `未能连接：${said}。${/县委组织部/.test(said) ? '' : '请核对令牌，或向县委组织部重新领取。'}`;
}

export class ConnectionController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: ConnectionDeps,
    private readonly session: Session,
    private readonly onConnected: OnConnected = async () => undefined,
  ) {}

  /** On opening: connect with the remembered credential, or suggest this page's own server. */
  async restore(suggestedUrl: string): Promise<void> {
    const saved = await this.deps.credentials.load();
    if (!saved) {
      patchSlice(this.store, 'connection', { serverUrl: suggestedUrl });
      return;
    }
    await this.connect(saved.serverUrl, saved.token, false);
  }

  /**
   * The page was opened by a link (`#server=…&token=…`): the fragment is cleared at once (the token
   * leaves the address bar and the history), then the page connects and remembers the link's
   * credential. False when the address carries no link.
   */
  async openLink(hash: string, clearFragment: () => void): Promise<boolean> {
    const link = readSignInFragment(hash);
    if (!link) return false;
    clearFragment();
    await this.connect(link.server, link.token, true);
    return true;
  }

  async connect(serverUrl: string, token: string, remember = true): Promise<void> {
    const url = serverUrl.trim();
    const tok = token.trim();
    if (!url || !tok) {
      patchSlice(this.store, 'connection', { serverUrl: url, verdict: error(!url ? '请填写服务器地址。' : '请粘贴县委组织部发放的令牌。') });
      return;
    }
    if (this.store.get().busy.connect) return;
    setBusy(this.store, 'connect', true);
    patchSlice(this.store, 'connection', { phase: 'connecting', serverUrl: url, verdict: info('正在连接…') });
    try {
      const api = this.deps.api(url, tok);
      const me = await api.me();
      if (!me.campaignId && me.role === 'county') {
        // A county that has not opened a round yet: signed in, on 新建工作批次.
        this.session.api = api;
        patchSlice(this.store, 'connection', { phase: 'connected', me, campaign: null, verdict: info(`已连接：${ROLE_LABEL[me.role]} ${me.countyName}。本县还没有工作批次，请先新建工作批次。`) });
        await this.onConnected(me);
        if (remember) await this.deps.credentials.save({ serverUrl: url, token: tok });
        return;
      }
      if (!me.campaignId) throw new ApiError(issueText('CAMPAIGN_NOT_FOUND', { id: '' }), 404, 'CAMPAIGN_NOT_FOUND');
      const { campaign, scheme } = await api.campaign(me.campaignId);
      if (me.role === 'township' && !campaign.townships.some((t) => t.id === me.townshipId)) {
        throw new ApiError(issueText('TOWNSHIP_NOT_FOUND', { id: me.townshipId ?? '' }), 404, 'TOWNSHIP_NOT_FOUND');
      }
      this.session.api = api;
      const where = me.role === 'township' ? (me.townshipName ?? me.townshipId ?? '') : campaign.county;
      patchSlice(this.store, 'connection', {
        phase: 'connected',
        me,
        campaign,
        scheme: chooseScheme(campaign, scheme),
        verdict: ok(`已连接：${ROLE_LABEL[me.role]} ${where}`),
      });
      await this.onConnected(me);
      if (remember) await this.deps.credentials.save({ serverUrl: url, token: tok });
    } catch (e) {
      await this.reset(url, e);
    } finally {
      setBusy(this.store, 'connect', false);
    }
  }

  /** The token stopped working while the page was open (expired, revoked). */
  async lost(message: string): Promise<void> {
    await this.reset(this.store.get().connection.serverUrl, new ApiError(message, 401, 'AUTH'));
  }

  async disconnect(): Promise<void> {
    await this.deps.credentials.forget();
    this.clear(this.store.get().connection.serverUrl, info('已断开，令牌已从本机删除。'));
  }

  private async reset(url: string, e: unknown): Promise<void> {
    const refused = isCredentialRefused(e);
    // A refused credential would fail again at every opening: forget it. A network failure keeps it.
    if (refused) await this.deps.credentials.forget().catch(() => undefined);
    this.clear(url, error(refused ? refusedText(e.message) : `未能连接：${errorText(e)}`));
  }

  private clear(serverUrl: string, verdict: AppState['connection']['verdict']): void {
    this.session.api = null;
    this.store.set((s) => ({
      connection: { phase: 'idle', serverUrl, me: null, campaign: null, scheme: chooseScheme(null, undefined), verdict },
      work: { ...emptyWork(), fileName: s.work.fileName },
      township: { status: null, verdict: null },
      county: { ...s.county, data: null, returning: null, pending: [], bulk: null, verdict: null },
      ...initialSlices(),
    }));
  }
}
