export * from './tally';
export * from './summary';
export * from './rows';
export * from './deadline';
