// Which standard the page checks against. The server is the judge; the page uses the campaign's
// scheme when the server sends it, else a built-in one with the same fingerprint, else the
// default, and says so when it cannot be sure it matches.
import type { Campaign } from '../../shared/api/contract';
import { defaultScheme, yichunScheme } from '../../shared/scheme/default';
import { loadScheme } from '../../shared/scheme/load';
import { schemeFingerprint } from '../../shared/scheme/lookup';
import type { Scheme } from '../../shared/scheme/schema';

export interface SchemeChoice {
  scheme: Scheme;
  /** Null when the local check is known to use the county's standard. */
  caveat: string | null;
}

const BUILT_IN: Scheme[] = [defaultScheme, yichunScheme];

export function chooseScheme(campaign: Campaign | null, sent: unknown): SchemeChoice {
  if (!campaign) return { scheme: defaultScheme, caveat: '尚未连接服务器，按默认标准检查；上报时以县里的标准为准。' };
  if (sent !== undefined && sent !== null) {
    const loaded = loadScheme(sent);
    if (loaded.ok) return { scheme: loaded.scheme, caveat: null };
  }
  const same = BUILT_IN.find((s) => schemeFingerprint(s) === campaign.schemeFingerprint);
  if (same) return { scheme: same, caveat: null };
  const byId = BUILT_IN.find((s) => s.id === campaign.schemeId) ?? defaultScheme;
  return { scheme: byId, caveat: '本机检查所用标准与县里的标准版本不同，结果仅供参考；以上报时服务器的检查为准。' };
}
