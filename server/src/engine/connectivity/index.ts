// NetworkPolicy connectivity: which workloads and external addresses may talk, on which ports, and why.
export { analyzeConnectivity, policiesIsolating, type ConnectivityAnalysis } from './analysis';
export { DIRECTIONS, type CompiledPolicy, type CompiledRule, type PolicyDirection } from './compiled-policy';
export { peerMatchesWorkload, type CompiledPeer } from './rule-peers';
export { resolveNamedPort, resolveRulePorts, type CompiledPorts } from './rule-ports';
export { listConnections, portsBetween, type Connection } from './connections';
export type { DirectionVerdict, RuleContribution } from './direction-verdict';
export type { AdminAnalysis } from './admin-analysis';
export type { AdminAction, AdminTier, CompiledAdminPolicy, CompiledAdminRule } from './admin-policy';
export type { AdminProblem, AdminProblems } from './admin-problems';
export type { AdminRuleDecision } from './tiered-verdict';
export { compareEndpoints, endpointName, type Endpoint } from './endpoints';
export { adminReasons, adminReasonText, explainConnection, inboundConnections, outboundConnections, type AdminReason, type ExplainedConnection } from './explain';
export { compileLabelSelector, matchesLabels, selectsEverything, type LabelSelector } from './label-selector';
export { policyCoverage, type PeerCoverage, type PolicyCoverage, type RuleCoverage } from './policy-coverage';
export { describePorts, isAllPorts, isEmptyPorts, portEntries, portSetContains, PROTOCOLS, type PortEntry, type PortSet, type Protocol } from './port-set';
