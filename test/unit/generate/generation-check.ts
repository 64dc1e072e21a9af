import {
  analyzeConnectivity,
  buildWorkspace,
  findingKey,
  lintWorkspace,
  listConnections,
  parseManifest,
  portSetContains,
  portsBetween,
  type Finding,
  type ManifestFile,
  type Protocol,
  type Workload,
} from '../../../server/src/engine';
import { verdictWithWorkload } from '../../../server/src/engine/connectivity/direction-verdict';
import { generatePolicies, generatedYaml, type GenerateOptions, type GenerationResult, type InferredConnection } from '../../../server/src/engine/generate';

/** What applying the generated policies (with default deny) does to a workspace, measured with the engine. */
export interface GenerationCheck {
  result: GenerationResult;
  yaml: string;
  workloads: number;
  connectionsBefore: number;
  connectionsAfter: number;
  /** Inferred connections whose ports are not all allowed once the policies are applied: "from → to: ports". */
  cutOff: string[];
  /** Findings of these rules before and after. */
  isolationFindingsBefore: number;
  isolationFindingsAfter: number;
  /** Findings of warning or error that the policies add: "ruleId: message". */
  newFindings: string[];
}

const ISOLATION_RULES = new Set(['workload-not-isolated', 'namespace-no-default-deny']);
const BLOCKING = new Set(['warning', 'error']);

/**
 * Generates the policies of every workload with a default deny per namespace, adds them to the
 * workspace as one more file, and compares: connectivity (every inferred connection must stay
 * allowed; a connection from a namespace is probed with a pod placed there), and lint findings.
 */
export function checkGeneration(files: readonly ManifestFile[], options: GenerateOptions = {}): GenerationCheck {
  const before = buildWorkspace(files);
  const result = generatePolicies(before, { defaultDeny: true, ...options });
  const yaml = generatedYaml(result.policies);
  const after = buildWorkspace([...files, parseManifest('generated/network-policies.yaml', yaml)]);
  const probes = buildWorkspace([...after.files, parseManifest('generated/probes.yaml', probePods(result.connections))]);
  const analysis = analyzeConnectivity(probes.model);
  const cutOff = result.connections.flatMap((connection) => {
    const destination = probes.model.workloadsByKey.get(connection.to.key)!;
    const source = probes.model.workloadsByKey.get(connection.from.kind === 'workload' ? connection.from.workload.key : probeKey(connection.from.namespace))!;
    // A probe pod stands for a proxy outside the workspace: only the destination's ingress is ours to judge.
    const allowed = connection.from.kind === 'workload' ? portsBetween(analysis, source, destination) : verdictWithWorkload(analysis, destination, 'Ingress', source).allowed;
    const missing = connection.ports.filter((port) => !portSetContains(allowed, port.protocol as Protocol, port.port));
    return missing.length === 0 ? [] : [`${source.key} → ${destination.key}: ${missing.map((port) => `${port.protocol} ${port.port}`).join(', ')}`];
  });
  const findingsBefore = allFindings(before);
  const findingsAfter = allFindings(after);
  return {
    result,
    yaml,
    workloads: before.model.workloads.length,
    connectionsBefore: listConnections(before.connectivity).length,
    connectionsAfter: listConnections(after.connectivity).length,
    cutOff,
    isolationFindingsBefore: findingsBefore.filter((finding) => ISOLATION_RULES.has(finding.ruleId)).length,
    isolationFindingsAfter: findingsAfter.filter((finding) => ISOLATION_RULES.has(finding.ruleId)).length,
    newFindings: added(findingsBefore, findingsAfter).map((finding) => `${finding.ruleId}: ${finding.message}`),
  };
}

/** Whether a workload is allowed to reach another on a port once the generated policies apply. */
export function allowedAfter(check: GenerationCheck, files: readonly ManifestFile[], from: string, to: string, protocol: Protocol, port: number): boolean {
  const workspace = buildWorkspace([...files, parseManifest('generated/network-policies.yaml', check.yaml)]);
  const byKey = (key: string): Workload => workspace.model.workloadsByKey.get(key)!;
  return portSetContains(portsBetween(workspace.connectivity, byKey(from), byKey(to)), protocol, port);
}

function probeKey(namespace: string): string {
  return `${namespace}/kube-netsec-probe[Pod]`;
}

function probePods(connections: readonly InferredConnection[]): string {
  const namespaces = [...new Set(connections.flatMap((connection) => (connection.from.kind === 'namespace' ? [connection.from.namespace] : [])))];
  return namespaces.map((namespace) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-netsec-probe\n  namespace: ${namespace}\n  labels: {probe: "true"}\nspec:\n  containers: [{name: probe, image: busybox}]\n`).join('---\n');
}

function allFindings(workspace: ReturnType<typeof buildWorkspace>): Finding[] {
  return [...lintWorkspace(workspace).values()].flat();
}

function added(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const counts = new Map<string, number>();
  for (const finding of before) counts.set(findingKey(finding), (counts.get(findingKey(finding)) ?? 0) + 1);
  return after.filter((finding) => {
    const key = findingKey(finding);
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      counts.set(key, left - 1);
      return false;
    }
    return BLOCKING.has(finding.severity);
  });
}
