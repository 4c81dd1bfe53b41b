// Bundle entry for functions.js. The task pane page also runs standalone in a plain browser
// (no Excel, maybe no office.js); only there does CustomFunctions not exist, and then the
// functions are simply not registered instead of failing the page.
if (typeof CustomFunctions !== 'undefined') {
  try {
    // Loaded on demand so that the associate() calls the metadata plugin appends to functions.ts
    // run only inside Excel's custom functions runtime.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./functions');
  } catch (e) {
    console.error('分类定级：自定义函数注册失败', e);
  }
}
