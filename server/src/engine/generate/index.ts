// Least-privilege NetworkPolicies inferred from the workspace: who talks to whom, and the policies that allow exactly that.
export { generatePolicies, generatedYaml, type GenerateOptions, type GeneratedPolicy, type GenerationResult } from './generate';
export { inferConnections, type ConnectionSource, type GenerationNote, type InferredConnection, type WorkloadRef } from './inferred-connections';
export { minimalSelectorOf, type WorkloadSelector } from './minimal-selector';
export { dnsReferencesIn, type DnsReference } from './dns-references';
export { workspaceServices } from './workspace-services';
export type { Evidence } from './evidence';
export type { PolicyPort } from './target-ports';
