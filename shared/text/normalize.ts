// What clerks type arrives in many shapes: full-width digits from Chinese IMEs, Traditional
// characters from some offices, stray spaces. Everything that is compared goes through here once.

/** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Only the vocabulary of this domain (headers, categories, grades, org types, form labels) needs
// mapping; a full converter would be a large table for no gain.
const T2S_PAIRS = [
  '較较 黨党 組组 織织 類类 別别 機机 關关 業业 單单 會会 區区 國国 經经 濟济 總总 團团 連连 隊队 數数',
  '員员 設设 場场 資资 陣阵 績绩 眾众 價价 評评 視视 況况 說说 備备 註注 號号 稱称 屬属 聯联 繫系 電电',
  '話话 報报 級级 記记 錄录 導导 帶带 頭头 製制 與与 興兴 辦办 處处 務务 點点 幫帮 範范 衛卫 療疗 醫医',
  '園园 車车 財财 產产 勞劳 動动 農农 鄉乡 鎮镇 縣县 邊边 鄰邻 戶户 認认 證证 實实 負负 責责 時时 間间',
  '項项 問问 題题 標标 準准 彙汇 齊齐 審审 計计 檢检 傳传 統统 厲厉 獎奖 懲惩 優优 職职 應应 見见 規规',
  '則则 歸归 檔档 這这 個个 們们 對对 為为 從从 來来 後后 於于 麼么 擬拟 復复 銷销 臺台 賬账 營营 運运',
  '維维 護护 開开 發发 廠厂 紀纪 體体 態态 廣广 東东 雙双 歲岁 齡龄 學学 歷历 專专 書书 簡简 選选 舉举',
  '議议 請请 須须 線线 網网 際际 條条 兩两 費费 羣群 衆众 幹干 礎础 週周 滿满 測测 覈核 屆届 鬥斗',
].join(' ');

const T2S: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const pair of T2S_PAIRS.split(' ')) {
    const [t, s] = Array.from(pair);
    if (t !== undefined && s !== undefined) m.set(t, s);
  }
  return m;
})();

/** Traditional characters of the domain vocabulary become Simplified; others pass through. */
export function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += T2S.get(ch) ?? ch;
  return out;
}

/**
 * The form used to compare labels, headers and names: half-width, Simplified, no whitespace,
 * lower-case Latin. "較 差 " and "较差" compare equal.
 */
export function normalizeLabel(s: string): string {
  const hit = labelCache.get(s);
  if (hit !== undefined) return hit;
  const out = toSimplified(toHalfWidth(s)).replace(/\s+/g, '').toLowerCase();
  if (s.length <= LABEL_CACHE_MAX_LENGTH) {
    if (labelCache.size >= LABEL_CACHE_SIZE) labelCache.clear();
    labelCache.set(s, out);
  }
  return out;
}

// A 100k-row sheet repeats a handful of labels (four grades, six categories, 是/否): remembering
// short ones makes =QUOTA_CHECK over a province several times faster. Bounded, so never a leak.
const LABEL_CACHE_SIZE = 4096;
const LABEL_CACHE_MAX_LENGTH = 64;
const labelCache = new Map<string, string>();

/** Trims and folds inner runs of whitespace; for names that are shown back to users. */
export function cleanText(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, ' ').trim();
}

/**
 * The one key an organization's name is matched by, everywhere (validation, tally, ledger lines,
 * consolidation, rosters across years): "東山村黨支部", "东山村 党支部" and "东山村党支部" are one.
 */
export function orgKey(name: string): string {
  return normalizeLabel(name);
}
