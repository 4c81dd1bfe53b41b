// What clerks type arrives in many shapes: full-width digits from Chinese IMEs, Traditional
// characters from some offices, stray spaces. Everything that is compared goes through here once.

/** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  // By code unit: both ranges are in the BMP, so a surrogate pair passes through as it did by code
  // point; text with nothing to change comes back as is, without a copy.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const h = halfWidthUnit(s.charCodeAt(i));
    if (h < 0) continue;
    out += s.slice(from, i) + String.fromCharCode(h);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function halfWidthUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  return c === 0x3000 ? 0x20 : -1;
}

// Only the vocabulary of this domain needs mapping: headers, categories, grades, org types, form
// labels, and the words organization names are made of (places, units, trades, common surnames:
// 東山村黨支部, 縣醫院黨總支, 華陽礦業有限公司黨支部). A full converter would be a large table
// for no gain. Keys are compared, never shown, so a Traditional form that is also a valid
// Simplified character (瞭, 著) only needs to map the same way on both sides of a comparison.
const T2S_PAIRS = [
  // Form vocabulary.
  '較较 黨党 組组 織织 類类 別别 機机 關关 業业 單单 會会 區区 國国 經经 濟济 總总 團团 連连 隊队 數数',
  '員员 設设 場场 資资 陣阵 績绩 眾众 價价 評评 視视 況况 說说 備备 註注 號号 稱称 屬属 聯联 繫系 電电',
  '話话 報报 級级 記记 錄录 導导 帶带 頭头 製制 與与 興兴 辦办 處处 務务 點点 幫帮 範范 衛卫 療疗 醫医',
  '園园 車车 財财 產产 勞劳 動动 農农 鄉乡 鎮镇 縣县 邊边 鄰邻 戶户 認认 證证 實实 負负 責责 時时 間间',
  '項项 問问 題题 標标 準准 彙汇 齊齐 審审 計计 檢检 傳传 統统 厲厉 獎奖 懲惩 優优 職职 應应 見见 規规',
  '則则 歸归 檔档 這这 個个 們们 對对 為为 從从 來来 後后 於于 麼么 擬拟 復复 銷销 臺台 賬账 營营 運运',
  '維维 護护 開开 發发 廠厂 紀纪 體体 態态 廣广 東东 雙双 歲岁 齡龄 學学 歷历 專专 書书 簡简 選选 舉举',
  '議议 請请 須须 線线 網网 際际 條条 兩两 費费 羣群 衆众 幹干 礎础 週周 滿满 測测 覈核 屆届 鬥斗',
  // Words of the source documents (plans, measures, ledgers).
  '進进 強强 結结 確确 現现 調调 內内 創创 揮挥 晉晋 決决 將将 據据 過过 嚴严 堅坚 門门 訓训 參参 圍围',
  '習习 轉转 爭争 無无 緊紧 長长 掛挂 繞绕 積积 崗岗 當当 細细 驗验 顯显 質质 極极 頓顿 談谈 劃划 難难',
  '觀观 課课 執执 並并 鋒锋 沒没 蓋盖 樹树 驟骤 綜综 戰战 變变 鞏巩 擴扩 斷断 協协 爲为 識识 狀状 匯汇',
  '階阶 佔占 達达 給给 試试 養养 勵励 論论 貫贯 徹彻 換换 適适 針针 絡络 術术 節节 載载 籌筹 讀读 討讨',
  '遠远 講讲 違违 貧贫 諧谐 遷迁 紮扎 環环 採采 寫写 訪访 監监 補补 夠够 擔担 張张 約约 還还 勢势 構构',
  '響响 臨临 聽听 薦荐 該该 蹤踪 風风 慮虑 虛虚 順顺 啟启 獻献 溫温 萬万 牽牵 餘余 饋馈 顧顾 幾几 續续',
  '輪轮 種种 頻频 權权 謀谋 陽阳 桿杆 貼贴 覽览 駐驻 寬宽 師师 樣样 銜衔 廳厅 諾诺 賄贿 賂赂 傘伞 轄辖',
  '擺摆 親亲 獨独 隨随 鍵键 離离 豐丰 納纳 輕轻 義义 紙纸 肅肃 紅红 讓让 揚扬 郵邮 詳详 邁迈 偉伟 澤泽',
  '壘垒 願愿 侷局 傷伤 謂谓 純纯 潔洁 軍军 畢毕 儘尽 誌志 隸隶 曬晒 異异 徑径 趕赶 編编 軟软 縫缝 溝沟',
  '聞闻 輻辐 塊块 粵粤 歡欢 賦赋 奮奋 脫脱 踐践 穩稳 勁劲 鏈链 貢贡 貸贷 償偿 鋪铺 輿舆 靈灵 頁页 橋桥',
  '樑梁 紐纽 閱阅 終终 緻致 慣惯 傾倾 膚肤 淺浅 躍跃 繳缴 損损 牆墙 臉脸 綱纲 軌轨 鉤钩 腦脑 繼继 勝胜',
  '罰罚 錯错 瞭了 係系 裡里 裏里',
  // Places, units and trades in organization names.
  '莊庄 灣湾 嶺岭 華华 龍龙 馬马 鳳凤 灘滩 濱滨 湯汤 漢汉 樓楼 閘闸 壩坝 廟庙 塢坞 窯窑 礦矿 館馆 銀银',
  '鐵铁 貿贸 倉仓 儲储 輸输 藥药 稅税 氣气 雲云 蘭兰 鳥鸟 魚鱼 雞鸡 豬猪 棗枣 麥麦 糧粮 綿绵 紡纺 絲丝',
  '鋼钢 陸陆 億亿 窪洼 舊旧 榮荣 誠诚 輝辉 寶宝 殘残 婦妇 僑侨 藍蓝 綠绿 藝艺 訊讯 圖图 兒儿 岡冈 峽峡',
  '滬沪 鐘钟 鍾钟 頂顶 樂乐 龜龟 嶼屿 瀾澜 濤涛 潤润 澗涧 鶴鹤 鷹鹰 麗丽 蓮莲 葦苇 蘆芦 診诊 漁渔 誼谊',
  '楓枫 險险 綫线 倫伦 碼码 裝装 飾饰 築筑 僑侨 濕湿 瀝沥 灣湾 嶽岳 彎弯 灣湾 轎轿 齒齿 賓宾 館馆 飯饭 鮮鲜',
  // Common surnames (names of secretaries, owners, enterprises named after people).
  '陳陈 劉刘 楊杨 黃黄 趙赵 吳吴 鄭郑 錢钱 孫孙 許许 葉叶 羅罗 蕭萧 謝谢 韓韩 馮冯 鄧邓 盧卢 譚谭 鄒邹',
  '蘇苏 閻阎 喬乔 賀贺 賴赖 龔龚 蔣蒋 賈贾 顏颜 魯鲁 駱骆 闕阙 鄔邬 聶聂 嚴严 龐庞 湯汤 薑姜',
].join(' ');

/** Simplified by Traditional code unit, from the lowest key up: every key and value is one BMP character. */
const T2S = (() => {
  const pairs = T2S_PAIRS.split(' ');
  const base = Math.min(...pairs.map((p) => p.charCodeAt(0)));
  const table = new Uint16Array(Math.max(...pairs.map((p) => p.charCodeAt(0))) - base + 1);
  for (const p of pairs) {
    // A pair outside the BMP would be missed by the code-unit scans below: refused at load, not read wrong.
    if (p.length !== 2) throw new Error(`T2S pair "${p}" is not two BMP characters`);
    table[p.charCodeAt(0) - base] = p.charCodeAt(1);
  }
  return { base, table };
})();

/** The Simplified code unit for a Traditional one, 0 when it has none. */
function simplifiedUnit(c: number): number {
  const k = c - T2S.base;
  return k >= 0 && k < T2S.table.length ? (T2S.table[k] ?? 0) : 0;
}

/** Traditional characters of the domain vocabulary become Simplified; others pass through. */
export function toSimplified(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const m = simplifiedUnit(s.charCodeAt(i));
    if (m === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(m);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The form used to compare labels, headers and names: half-width, Simplified, no whitespace,
 * lower-case Latin. "較 差 " and "较差" compare equal.
 */
export function normalizeLabel(s: string): string {
  const hit = labelCache.get(s);
  if (hit !== undefined) return hit;
  const out = foldPlain(s) ?? toSimplified(toHalfWidth(s)).replace(INVISIBLE_OR_SPACE, '').toLowerCase();
  remember(labelCache, s, out);
  return out;
}

/**
 * normalizeLabel in one pass, for text made only of code units whose folding does not depend on
 * their neighbours: ASCII, full-width ASCII, the ideographic space, the CJK blocks and the common
 * punctuation (quotes, dashes, ellipsis). Null for anything else (Latin letters with accents, Greek,
 * other spaces…), which takes the general path: the two agree on every unit this one accepts
 * (tested exhaustively).
 */
function foldPlain(s: string): string | null {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r: number;
    if (c < 0x80) r = c >= 0x41 && c <= 0x5a ? c + 32 : isAsciiSpace(c) ? -1 : c;
    else if (c >= 0x3001 && c <= 0x9fff) r = simplifiedUnit(c) || c;
    else if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)) r = c;
    else if (c >= 0xff01 && c <= 0xff5e) r = c >= 0xff21 && c <= 0xff3a ? c - 0xfee0 + 32 : c - 0xfee0;
    else if (c === 0x3000) r = -1;
    else return null;
    if (r === c) continue;
    out += s.slice(from, i);
    if (r >= 0) out += String.fromCharCode(r);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Spaces and the zero-width characters text pasted from a web page or a chat carries (U+200B–U+200D,
 * U+2060; the BOM is already \s): “较好\u200b” looked like 较好 and was an unrecognized grade.
 * foldPlain takes none of them, so the fast path and this one still agree.
 */
export const INVISIBLE_OR_SPACE = /[\s\u200b-\u200d\u2060]+/g;

/** What `\s` matches below U+0080: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

// A 100k-row sheet repeats a handful of labels (four grades, six categories, 是/否), and one upload
// compares each organization's name several times (header checks, duplicates, ledger lines, the
// tally): remembering short ones makes =QUOTA_CHECK over a province several times faster.
// Bounded, so never a leak.
const LABEL_CACHE_SIZE = 4096;
const LABEL_CACHE_MAX_LENGTH = 64;
const labelCache = new Map<string, string>();
const keyCache = new Map<string, string>();

function remember(cache: Map<string, string>, s: string, out: string): void {
  if (s.length > LABEL_CACHE_MAX_LENGTH) return;
  if (cache.size >= LABEL_CACHE_SIZE) cache.clear();
  cache.set(s, out);
}

/** Trims and folds inner runs of whitespace; for names that are shown back to users. */
export function cleanText(s: string): string {
  // Most names have no whitespace and nothing full-width: nothing to change, no copies made.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWhiteSpace(c) || halfWidthUnit(c) >= 0) return toHalfWidth(s).replace(/\s+/g, ' ').trim();
  }
  return s;
}

/** A code unit `\s` matches (and `trim` removes): the ASCII spaces, NBSP, the Unicode spaces, LS, PS, BOM. */
export function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return isAsciiSpace(c);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Marks that do not make two names different: quotes, middle dots, dashes, commas and stops
// ("东山村“两委”党支部" and "东山村两委党支部" are one organization).
const NAME_NOISE = /["'“”‘’「」『』《》〈〉·•・.,，、。;；:：\-—–_~～]/g;

/**
 * The one key an organization's name is matched by, everywhere (validation, tally, ledger lines,
 * consolidation, rosters across years): "東山村黨支部", "东山村 党支部" and "东山村党支部" are one.
 */
export function orgKey(name: string): string {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const out = normalizeLabel(name).replace(NAME_NOISE, '');
  remember(keyCache, name, out);
  return out;
}
