import { DIRECTIONS, type PolicyDirection } from '../connectivity';
import type { Workload } from '../model';
import { namespaceIsWritten } from '../model/namespace-written';
import { isSystemNamespace, usesHostNetwork } from '../rules/workspace/workspace-objects';
import type { Workspace } from '../workspace/workspace';
import { relativeFileNamer } from './file-names';
import { describeWorkload, inferConnections, type GenerationNote, type InferenceOptions, type InferredConnection, type WorkloadRef, workloadRef } from './inferred-connections';
import { planDefaultDeny, planWorkloadPolicy, selectorOf, type PlanningContext } from './least-privilege';
import { joinDocuments, policyYaml } from './policy-yaml';
import { workspaceServices } from './workspace-services';

export interface GenerateOptions extends InferenceOptions {
  /** Only the workloads of this namespace (system namespaces are left out unless named here). */
  namespace?: string;
  /** Only this workload, by key ("namespace/name[Kind]"). */
  workload?: string;
  /** The directions to generate policies for (default both). */
  directions?: readonly PolicyDirection[];
  /** Also a default-deny policy (ingress and egress) for each namespace of the workloads. */
  defaultDeny?: boolean;
  /** How comments name a file (default: relative to the folder the workspace's files share). */
  fileName?: (uri: string) => string;
}

/** A generated NetworkPolicy as YAML text (one document, with its comments). */
export interface GeneratedPolicy {
  name: string;
  namespace: string;
  purpose: 'default-deny' | PolicyDirection;
  /** The workload it is for (key), except for a default deny. */
  workload?: string;
  yaml: string;
}

export interface GenerationResult {
  /** Every connection inferred from the workspace (not only those of the chosen workloads). */
  connections: InferredConnection[];
  /** The workloads policies were generated for. */
  workloads: WorkloadRef[];
  /** By namespace, default deny first, then each workload's ingress and egress policies. */
  policies: GeneratedPolicy[];
  notes: GenerationNote[];
}

/**
 * Least-privilege NetworkPolicies for workloads of the workspace: for each, an ingress policy that
 * admits the clients inferred from the manifests on the ports their Services target, and an egress
 * policy to the Services it names and to the cluster DNS. Policy names never clash with the
 * workspace's own.
 */
export function generatePolicies(workspace: Workspace, options: GenerateOptions = {}): GenerationResult {
  const services = workspaceServices(workspace);
  const { connections, notes } = inferConnections(workspace, services, options);
  const context: PlanningContext = { model: workspace.model, dns: workspace.dns, services, connections, fileName: options.fileName ?? relativeFileNamer(workspace.files.map((file) => file.uri)) };
  const names = takenNames(workspace);
  const chosen = chosenWorkloads(workspace, options, notes);
  const directions = DIRECTIONS.filter((direction) => (options.directions ?? DIRECTIONS).includes(direction));
  const policies: GeneratedPolicy[] = [];
  for (const namespace of [...new Set(chosen.map((workload) => workload.id.namespace))]) {
    const writeNamespace = namespaceIsWritten(workspace.model, namespace);
    if (options.defaultDeny) {
      const name = freeName(names, namespace, 'default-deny');
      policies.push({ name, namespace, purpose: 'default-deny', yaml: policyYaml({ ...planDefaultDeny(namespace, name), writeNamespace }) });
    }
    for (const workload of chosen.filter((candidate) => candidate.id.namespace === namespace)) {
      if (!selectorOf(workload, workspace.model).unique) {
        notes.push({ workload: workload.key, message: `No subset of the pod labels of ${describeWorkload(workload)} selects it alone: its policies use all of them and select other workloads too.` });
      }
      for (const direction of directions) {
        const name = freeName(names, namespace, `${workload.id.name}-${direction.toLowerCase()}`, workload.id.kind.toLowerCase());
        policies.push({ name, namespace, purpose: direction, workload: workload.key, yaml: policyYaml({ ...planWorkloadPolicy(workload, direction, name, context), writeNamespace }) });
      }
    }
  }
  return { connections, workloads: chosen.map(workloadRef), policies, notes };
}

/** The generated policies as one multi-document YAML text. */
export function generatedYaml(policies: readonly GeneratedPolicy[]): string {
  return joinDocuments(policies.map((policy) => policy.yaml));
}

function chosenWorkloads(workspace: Workspace, options: GenerateOptions, notes: GenerationNote[]): Workload[] {
  return workspace.model.workloads.filter((workload) => {
    if (options.workload !== undefined && workload.key !== options.workload) return false;
    if (options.namespace !== undefined && workload.id.namespace !== options.namespace) return false;
    // The cluster runs components there that the repository does not hold: isolating them needs a decision.
    if (options.namespace === undefined && options.workload === undefined && isSystemNamespace(workload.id.namespace)) return false;
    if (usesHostNetwork(workload)) {
      notes.push({ workload: workload.key, message: `${describeWorkload(workload)} uses the host network: NetworkPolicies do not apply to it, none is generated.` });
      return false;
    }
    if (Object.keys(workload.podLabels).length === 0) {
      notes.push({ workload: workload.key, message: `${describeWorkload(workload)} has no pod labels: no podSelector can select it alone, none is generated.` });
      return false;
    }
    return true;
  });
}

function takenNames(workspace: Workspace): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const policy of workspace.model.policies) {
    let taken = names.get(policy.namespace);
    if (!taken) names.set(policy.namespace, (taken = new Set()));
    taken.add(policy.name);
  }
  return names;
}

/** `wanted`, else `wanted-<qualifier>`, else with a number: a name no policy of the namespace has yet. */
function freeName(names: Map<string, Set<string>>, namespace: string, wanted: string, qualifier?: string): string {
  let taken = names.get(namespace);
  if (!taken) names.set(namespace, (taken = new Set()));
  const candidates = [wanted, ...(qualifier ? [`${wanted}-${qualifier}`] : [])];
  let name = candidates.find((candidate) => !taken.has(candidate));
  for (let counter = 2; name === undefined; counter++) if (!taken.has(`${wanted}-${counter}`)) name = `${wanted}-${counter}`;
  taken.add(name);
  return name;
}
