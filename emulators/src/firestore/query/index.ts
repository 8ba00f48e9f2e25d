export { runAggregation } from './aggregate.ts';
export { compileQuery, runQuery, type CompiledQuery } from './run-query.ts';
export type { ResolvedOrder } from './order.ts';
export type { DocumentField } from './document-field.ts';
