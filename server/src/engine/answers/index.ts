export { lensesOf, policyLensTitle, SHOW_WORKLOAD_CONNECTIONS, workloadLensTitle } from './lenses';
export { policySummary } from './policy-summary';
export { workloadConnectionsReport, workloadSummary } from './workload-summary';
