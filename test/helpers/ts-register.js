// Lets a child process run the TypeScript sources directly (`node -r test/helpers/ts-register.js
// functions/dev/start.ts`), so tests can start, kill and restart the real `npm start` entry point
// without a tsc build. Transpile only (no type check): `npm run typecheck` does that.
const fs = require('node:fs');
const ts = require('typescript');

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (mod, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  mod._compile(out.outputText, filename);
};
