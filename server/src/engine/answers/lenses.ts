import { compiledPolicyOf, type ConnectivityAnalysis } from '../connectivity/analysis';
import type { CompiledPolicy, PolicyDirection } from '../connectivity/compiled-policy';
import { isEmptyPorts } from '../connectivity/port-set';
import { peerAddresses } from '../connectivity/rule-peers';
import { resolveRulePorts } from '../connectivity/rule-ports';
import type { KubeObject } from '../manifest/kube-object';
import { followPath } from '../manifest/yaml-path';
import type { ClusterModel, Workload } from '../model/cluster-types';
import { relativeFileName } from '../text/relative-file-name';
import { usesHostNetwork } from '../rules/workspace/workspace-objects';
import { complementIpv4, NO_IPV4, unionIpv4, type Ipv4Set } from '../net/ipv4-set';
import type { SourceRange } from '../text/range';
import type { AnswerContext, LensAnswer } from './answer';
import { SHOW_WORKLOAD_CONNECTIONS } from './commands';

/**
 * One lens above each NetworkPolicy and each workload object of the file, on the object's first
 * line. The numbers come from the workspace's connectivity analysis, so they agree with the
 * connectivity map; objects the model left out (unparsable documents, other API groups) get none.
 */
export function lensesOf(context: AnswerContext): LensAnswer[] {
  const { file, workspace } = context;
  const policies = new Map(workspace.model.policies.map((policy) => [policy.object, policy]));
  const workloads = workloadsByObject(workspace.model.workloads, file.uri);
  const replacements = replacementsIn(workspace.model, file.uri);
  if (policies.size === 0 && workloads.size === 0 && replacements.size === 0) return [];
  const analysis = workspace.connectivity;
  const lenses: LensAnswer[] = [];
  for (const object of file.objects) {
    const policy = policies.get(object);
    const compiled = policy && compiledPolicyOf(analysis, policy);
    if (compiled) lenses.push({ range: firstLineOf(object), title: policyLensTitle(analysis, compiled) });
    const replacement = replacements.get(object);
    // A replaced definition has no connections of its own: say which one the analysis reads instead.
    if (replacement) lenses.push({ range: firstLineOf(object), title: replacedLensTitle(object, replacement) });
    const workload = workloads.get(object);
    if (workload) {
      lenses.push({
        range: firstLineOf(object),
        title: workloadLensTitle(analysis, workload),
        command: { id: SHOW_WORKLOAD_CONNECTIONS, arguments: [workload.key] },
      });
    }
  }
  return lenses;
}

/**
 * The replaced definitions of a file whose effective definition has a lens (a NetworkPolicy or a
 * workload object of the model), each with that definition.
 */
function replacementsIn(model: ClusterModel, uri: string): Map<KubeObject, KubeObject> {
  const result = new Map<KubeObject, KubeObject>();
  const groups = model.duplicates.filter((group) => group.replaced.some((object) => object.document.uri === uri));
  if (groups.length === 0) return result;
  const lensed = new Set<KubeObject>([...model.policies.map((policy) => policy.object), ...model.workloads.flatMap((workload) => workload.members.map((member) => member.object))]);
  for (const group of groups) {
    if (!lensed.has(group.effective)) continue;
    for (const object of group.replaced) if (object.document.uri === uri) result.set(object, group.effective);
  }
  return result;
}

/** "replaced by the definition in ../overlay/web.yaml:5 (as kubectl apply would)". */
function replacedLensTitle(object: KubeObject, effective: KubeObject): string {
  const line = effective.rangeOf(['metadata', 'name'], 'pair').start.line + 1;
  return `replaced by the definition in ${relativeFileName(object.document.uri, effective.document.uri)}:${line} (as kubectl apply would)`;
}

/** "selects 2 workloads · ingress from 3 workloads and 1 address range · egress: not restricted". */
export function policyLensTitle(analysis: ConnectivityAnalysis, policy: CompiledPolicy): string {
  const selected = analysis.selected.get(policy) ?? [];
  return [`selects ${count(selected.length, 'workload')}`, directionPart(analysis, policy, selected, 'Ingress'), directionPart(analysis, policy, selected, 'Egress')].join(' · ');
}

/** "ingress: isolated (2 policies) · egress: not isolated". */
export function workloadLensTitle(analysis: ConnectivityAnalysis, workload: Workload): string {
  // Counting the policies that select it would read as isolation, which most plugins do not enforce there.
  if (usesHostNetwork(workload)) return 'host network: NetworkPolicies do not isolate it on most network plugins';
  const isolating = analysis.isolatedBy.get(workload.key);
  const part = (direction: PolicyDirection) => {
    const policies = isolating?.[direction].length ?? 0;
    return `${direction.toLowerCase()}: ${policies === 0 ? 'not isolated' : `isolated (${count(policies, 'policy', 'policies')})`}`;
  };
  return `${part('Ingress')} · ${part('Egress')}`;
}

function directionPart(analysis: ConnectivityAnalysis, policy: CompiledPolicy, selected: readonly Workload[], direction: PolicyDirection): string {
  const name = direction.toLowerCase();
  if (!policy.affects[direction]) return `${name}: not restricted`;
  const { workloads, addresses } = admittedPeers(analysis, policy, selected, direction);
  const parts = [
    ...(workloads.size > 0 ? [count(workloads.size, 'workload')] : []),
    ...(addresses.length === 0 ? [] : [addressCount(addresses)]),
  ];
  if (parts.length === 0) return `${name}: all denied`;
  return `${name} ${direction === 'Ingress' ? 'from' : 'to'} ${parts.join(' and ')}`;
}

/**
 * The workloads and external addresses the policy's rules of a direction admit with at least one
 * port. Named ports resolve on the destination, as in the analysis: for ingress on the selected
 * workloads (any of them will do; when none is selected the rule is counted as written), for
 * egress on each peer, and toward external addresses they open nothing.
 */
function admittedPeers(analysis: ConnectivityAnalysis, policy: CompiledPolicy, selected: readonly Workload[], direction: PolicyDirection) {
  const workloads = new Set<string>();
  let addresses: Ipv4Set = NO_IPV4;
  for (const rule of policy.rules[direction]) {
    const admitted = analysis.admitted.get(rule) ?? new Set<string>();
    if (direction === 'Ingress') {
      const opens = selected.length === 0 || selected.some((destination) => !isEmptyPorts(resolveRulePorts(rule.ports, destination)));
      if (!opens) continue;
      for (const key of admitted) workloads.add(key);
      addresses = unionIpv4(addresses, peerAddresses(rule.peers));
    } else {
      for (const key of admitted) {
        const peer = analysis.model.workloadsByKey.get(key);
        if (peer && !isEmptyPorts(resolveRulePorts(rule.ports, peer))) workloads.add(key);
      }
      if (!isEmptyPorts(resolveRulePorts(rule.ports, 'external'))) addresses = unionIpv4(addresses, peerAddresses(rule.peers));
    }
  }
  return { workloads, addresses };
}

function workloadsByObject(workloads: readonly Workload[], uri: string): Map<KubeObject, Workload> {
  const byObject = new Map<KubeObject, Workload>();
  for (const workload of workloads) {
    for (const member of workload.members) {
      if (member.object.document.uri === uri) byObject.set(member.object, workload);
    }
  }
  return byObject;
}

/** The object's first line (its first key, or a list item's first line), where editors put a lens. */
function firstLineOf(object: KubeObject): SourceRange {
  const { document } = object;
  const node = object.basePath.length === 0 ? document.yaml.contents : followPath(document.yaml, document.yaml.contents, object.basePath).node;
  const start = node?.range?.[0] ?? 0;
  const source = document.source;
  let end = source.indexOf('\n', start);
  if (end === -1) end = source.length;
  if (end > start && source[end - 1] === '\r') end--;
  return document.rangeAt(start, end);
}

/**
 * "any address", "2 address ranges", or "any address except 3 ranges" for `0.0.0.0/0` minus the
 * private blocks: whichever needs fewer ranges, as the policy was most likely written.
 */
function addressCount(addresses: Ipv4Set): string {
  const excluded = complementIpv4(addresses);
  if (excluded.length === 0) return 'any address';
  if (excluded.length < addresses.length) return `any address except ${count(excluded.length, 'range')}`;
  return count(addresses.length, 'address range');
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
