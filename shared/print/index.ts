// The print standard every written sheet uses (A4, one page wide, repeated headers, title,
// unit/date and signature blocks, page numbers): a sheet is a SheetDef plus rows.
export * from './types';
export * from './measure';
export * from './layout';
export * from './styles';
export * from './output';
export * from './writer';
export * from './blocks';
export * from './lean';
export * from './default-font';
