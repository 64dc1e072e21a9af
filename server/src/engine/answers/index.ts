export { lensesOf, policyLensTitle, SHOW_WORKLOAD_CONNECTIONS, workloadLensTitle } from './lenses';
export { completionsAt } from './completions';
export { policySummary } from './policy-summary';
export { workloadConnectionsReport, workloadSummary } from './workload-summary';
export { selectorSummary } from './selector-summary';
