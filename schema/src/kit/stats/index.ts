export * from './ageBands.ts';
export * from './ageSql.ts';
export * from './sharePercent.ts';
export * from './structureCells.ts';
export * from './inScopeSql.ts';
export * from './alertFigures.ts';
