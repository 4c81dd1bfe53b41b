// The public surface of the engine. The edges (add-in, task pane, functions) import from here.
export * from './text/normalize';
export * from './scheme/schema';
export * from './scheme/load';
export * from './scheme/default';
export * from './scheme/lookup';
export * from './grade/score';
export * from './grade/grade';
export * from './grade/flags';
export * from './quota/quota';
export * from './quota/format';
export * from './issues/types';
export * from './issues/catalogue';
export * from './submission/types';
export * as api from './api/contract';
