// Builds the Excel add-in into dist/: taskpane.html (+ taskpane.js and functions.js, one shared
// runtime), functions.json (+ functions.zh-CN.json), manifest.xml and assets/.
//   npm run build:addin                      production build
//   ADDIN_BASE_URL=https://contoso.example/addin npm run build:addin
//                                            same, with the manifest pointing at that base URL
//   npm run dev:addin                        https://localhost:3000 with a self-signed certificate
const fs = require('fs');
const os = require('os');
const path = require('path');
const { URL } = require('url');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { LocalizedFunctionsMetadataPlugin } = require('./build/localize-functions');

const ROOT = path.resolve(__dirname, '..');
const DEV_BASE_URL = 'https://localhost:3000';
const FUNCTIONS_SOURCE = path.resolve(__dirname, 'functions/functions.ts');

/** The manifest's base URL: ADDIN_BASE_URL when set (no trailing slash), else the dev server. */
function baseUrl(env) {
  const raw = (env && env.ADDIN_BASE_URL) || process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  const url = raw.replace(/\/+$/, '');
  if (!/^https:\/\/[^/]+/.test(url)) throw new Error(`ADDIN_BASE_URL must be an https:// URL, got ${raw}`);
  return url;
}

/**
 * The dev server's TLS: a trusted localhost certificate when one exists (ADDIN_DEV_CERT_DIR, or
 * the folder `npx office-addin-dev-certs install` writes on a developer's PC), so Excel accepts
 * https://localhost:3000 without a warning; otherwise webpack-dev-server's self-signed one.
 */
function devServerTls() {
  const dir = process.env.ADDIN_DEV_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file('localhost.crt')) || !fs.existsSync(file('localhost.key'))) return 'https';
  const options = { cert: fs.readFileSync(file('localhost.crt')), key: fs.readFileSync(file('localhost.key')) };
  if (fs.existsSync(file('ca.crt'))) options.ca = fs.readFileSync(file('ca.crt'));
  return { type: 'https', options };
}

/** Rewrites every dev-server URL in the manifest; AppDomain gets the origin only. */
function rewriteManifest(xml, base) {
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE_URL + '/')
    .join(base + '/');
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const base = baseUrl(env);
  return {
    context: ROOT,
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './addin/taskpane/taskpane.ts',
      functions: './addin/functions/entry.ts',
    },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.join(ROOT, 'dist'),
      // No hashes: the manifest names these files.
      filename: '[name].js',
      // Chunks loaded on demand (the workbook reader with exceljs, host/reader.ts) are named by
      // content, so a page cached from an older build never loads a newer chunk by mistake.
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      alias: {
        // shared/ code that reads workbooks uses exceljs (today); the pane loads it on demand.
        exceljs$: require.resolve('exceljs/dist/exceljs.min.js'),
      },
      fallback: { fs: false, path: false, stream: false, crypto: false, zlib: false, os: false, util: false, buffer: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type errors are `npm run typecheck`'s job; the bundle only needs transpiling.
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              // ES modules let webpack drop what is unused (most of zod's locales).
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
      // exceljs's prebuilt bundle needs no parsing for requires.
      noParse: /exceljs[\\/]dist[\\/]/,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: 'functions.json' }),
      new LocalizedFunctionsMetadataPlugin({
        source: 'functions.json',
        output: 'functions.zh-CN.json',
        locale: 'zh-CN',
        table: require('./functions/locale/zh-CN.json'),
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        // Shared runtime: the task pane page is also the custom functions' page.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString(), base) },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        // exceljs gets a chunk of its own with a readable name (only the on-demand reader uses it);
        // the reader's other libraries stay in its chunk rather than in a numbered vendor file.
        cacheGroups: { defaultVendors: false, exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20 } },
      },
    },
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: dev ? devServerTls() : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: false },
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.baseUrl = baseUrl;
