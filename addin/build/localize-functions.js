// Writes functions.zh-CN.json from the generated functions.json and a table of Chinese texts
// (addin/functions/locale/zh-CN.json). Ids and function names stay as they are, so =DJ.GRADE
// works in every Excel language; descriptions and parameter names/help become Chinese.
// A function or parameter missing from the table fails the build, so the table cannot drift.
const { sources, Compilation } = require('webpack');

const LIMITS = { paramName: 64, paramDescription: 512 };

/** @returns {string} the localized metadata JSON */
function localizeMetadata(metadataJson, table, locale) {
  const meta = JSON.parse(metadataJson);
  const missing = [];
  for (const fn of meta.functions) {
    const t = table[fn.id];
    if (!t) {
      missing.push(fn.id);
      continue;
    }
    if (t.description) fn.description = t.description;
    for (const p of fn.parameters || []) {
      const tp = t.parameters && t.parameters[p.name];
      if (!tp) {
        missing.push(`${fn.id}.${p.name}`);
        continue;
      }
      if (tp.name.length > LIMITS.paramName || tp.description.length > LIMITS.paramDescription) {
        throw new Error(`${locale}: ${fn.id}.${p.name} text is longer than Excel allows`);
      }
      p.name = tp.name;
      p.description = tp.description;
    }
  }
  if (missing.length) throw new Error(`${locale}: no translation for ${missing.join(', ')}`);
  return JSON.stringify(meta, null, 4);
}

class LocalizedFunctionsMetadataPlugin {
  /** @param {{ source: string; output: string; table: object; locale: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { source, output, table, locale } = this.options;
    compiler.hooks.thisCompilation.tap('LocalizedFunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedFunctionsMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(source);
          if (!asset) {
            compilation.errors.push(new Error(`${source} was not generated; cannot write ${output}`));
            return;
          }
          try {
            const json = localizeMetadata(asset.source.source().toString(), table, locale);
            compilation.emitAsset(output, new sources.RawSource(json));
          } catch (e) {
            compilation.errors.push(e instanceof Error ? e : new Error(String(e)));
          }
        },
      );
    });
  }
}

module.exports = { localizeMetadata, LocalizedFunctionsMetadataPlugin };
