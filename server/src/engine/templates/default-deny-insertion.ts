import { DIRECTIONS, type PolicyDirection } from '../connectivity';
import type { Fix } from '../fixes/fix';
import { namespaceIsWritten } from '../model/namespace-written';
import { appendDocuments, newFile, policyFileBeside, type PolicyPlacement } from '../fixes/placement';
import { namespaceWidePolicies } from '../rules/workspace/default-deny';
import { isSystemNamespace } from '../rules/workspace/workspace-objects';
import type { Workspace } from '../workspace/workspace';
import { renderAllowDns, renderDefaultDeny } from './catalogue';
import { freeName } from './policy-names';

/**
 * The policies that give a namespace a default deny in the directions it lacks, with DNS allowed
 * when egress becomes denied, as an `insert-policy` fix: appended to `uri` (whose text is `text`)
 * or in a new `networkpolicies/<namespace>.yaml` beside it. Undefined when the namespace already
 * denies both directions by default, for a system namespace (kube-system...: the cluster runs
 * components there that the repository does not hold, and a default deny would cut them off), and
 * when the new file already exists in the workspace.
 * The editor offers it as a source action in any manifest of the namespace; the
 * `namespace-no-default-deny` rule offers it as its fix.
 */
export function defaultDenyInsertion(workspace: Workspace, uri: string, text: string, namespace: string, placement: PolicyPlacement): Fix | undefined {
  if (isSystemNamespace(namespace)) return undefined;
  const missing = DIRECTIONS.filter((direction) => namespaceWidePolicies(workspace.connectivity, namespace, direction).length === 0);
  if (missing.length === 0) return undefined;
  const yaml = defaultDenyYaml(workspace, namespace, missing);
  const directions = missing.length === 2 ? 'ingress and egress' : missing[0].toLowerCase();
  const title = `Add default deny for namespace ${namespace} (${directions})${missing.includes('Egress') ? ' with DNS allowed' : ''}`;
  if (placement === 'end-of-file') return { title, kind: 'insert-policy', edits: [appendDocuments(uri, text, yaml)] };
  const target = policyFileBeside(uri, namespace);
  if (workspace.files.some((file) => file.uri === target)) return undefined;
  return { title: `${title} in networkpolicies/${namespace}.yaml`, kind: 'insert-policy', edits: [newFile(target, yaml)] };
}

function defaultDenyYaml(workspace: Workspace, namespace: string, missing: readonly PolicyDirection[]): string {
  const written = namespaceIsWritten(workspace.model, namespace) ? namespace : undefined;
  const taken = new Set(workspace.model.policies.filter((policy) => policy.namespace === namespace).map((policy) => policy.name));
  const base = missing.length === 2 ? 'default-deny' : `default-deny-${missing[0].toLowerCase()}`;
  const deny = renderDefaultDeny(freeName(base, taken), written, missing);
  // Pods that may connect nowhere cannot resolve names either: DNS comes with an egress deny.
  return missing.includes('Egress') ? `${deny}---\n${renderAllowDns(freeName('allow-dns', taken), written, workspace.dns)}` : deny;
}
