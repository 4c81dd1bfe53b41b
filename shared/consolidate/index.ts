export * from './tally';
export * from './summary';
export * from './forms';
export * from './rows';
export * from './duplicates';
export * from './deadline';
export * from './year-after';
