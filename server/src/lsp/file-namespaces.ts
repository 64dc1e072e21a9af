import type { Workspace } from '../engine';

/** The namespaces of the file's workloads, Namespace objects and NetworkPolicies, as the model places them. */
export function namespacesOfFile(workspace: Workspace, uri: string): string[] {
  const { model } = workspace;
  const inFile = (object: { document: { uri: string } }) => object.document.uri === uri;
  const names = new Set<string>();
  for (const workload of model.workloads) if (workload.members.some((member) => inFile(member.object))) names.add(workload.id.namespace);
  for (const info of model.namespaces.values()) if (info.object && inFile(info.object)) names.add(info.name);
  for (const policy of model.policies) if (inFile(policy.object)) names.add(policy.namespace);
  return [...names].sort();
}
