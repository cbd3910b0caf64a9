/**
 * regenflow public API (re-exports only).
 */
export * from './chemistry/elements.js';
export * from './chemistry/formula.js';
export * from './chemistry/components.js';
export * from './chemistry/cathode.js';
export * from './chemistry/reaction.js';
export * from './streams/stream.js';
export * from './streams/lot.js';
export * from './streams/feed.js';
export * from './schema/quantity.js';
export * from './schema/errors.js';
export { msg } from './schema/messages.js';
export * from './schema/kinds.js';
export * from './unit-ops/contract.js';
export { REGISTRY, unitOp } from './unit-ops/registry.js';
export * from './graph/build.js';
export * from './balances/solver.js';
export * from './balances/report.js';
export * from './pipeline/load.js';
export * from './pipeline/resolve.js';
export * from './pipeline/evaluate.js';
export * from './pipeline/document.js';
export { cli } from './cli/main.js';
export * from './pipeline/studies.js';
export { fileSchemas, scenarioEditorSchema } from './pipeline/schemas.js';
export { validateFile, fileKindOf } from './pipeline/validate.js';
export * from './balances/quality.js';
export { specSchema, type ProductSpec } from './schema/spec.js';
export * from './design/index.js';
export * from './economics/index.js';
export type { EconomicsInput } from './economics/input.js';
export { economicsInput } from './pipeline/economics-input.js';
export * as uncertainty from './uncertainty/index.js';
export { addCharts, type ChartSpec, type ChartSeries } from './export/charts.js';
export { flowsheetSvg } from './export/diagram.js';
export { sankeySvg } from './export/sankey.js';
export { svgToPng } from './export/png.js';
