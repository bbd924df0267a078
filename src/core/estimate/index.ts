/** The time a search will take, before it starts, and fitting a search to the time you have. */
export {
  estimateSearch,
  estimateSearches,
  type DataShape,
  type EstimateContext,
  type TimeEstimate,
} from './estimate';
export { type BackendRates, type RateTable, type TrainingShape } from './execution-time';
export { MEASURED_RATES } from './measured-rates';
export { REFERENCE_PROBE } from './reference-probe';
export { rowsPerRung, rungFractions } from './rung-rows';
export {
  describeChanges,
  fitToTime,
  isTimeBudget,
  MAX_TIME_BUDGET_MINUTES,
  MIN_RUNG_ROWS,
  parseTimeBudget,
  TIME_BUDGETS,
  type TimeFit,
} from './time-fit';
export { LONG_SEARCH_MS, suggestDataBudget, type DataBudgetSuggestion } from './data-suggestion';
