import { DIRECTIONS, isEmptyPorts, type ConnectivityAnalysis, type Protocol } from '../../connectivity';
import type { CompiledPolicy, CompiledRule } from '../../connectivity';
import { resolveNamedPort } from '../../connectivity';
import { objectFix } from '../../fixes/object-fix';
import type { ClusterModel, Workload } from '../../model';
import { isValidPortName } from '../../model/port-defaults';
import type { WorkspaceRule } from '../rule';
import { namespacesNamedBy } from './namespace-selectors';
import { containerPortsOfAnyMember, couldSelectPodsOf, declaresAllPodPorts } from './pod-selection';
import { portPath } from './policy-locations';
import { misspelledPortName } from './port-name-suggestion';
import { judgeableWorkloadsIn, listNames, operatedWorkloadsIn, workloadName } from './workspace-objects';

export const netpolUnknownNamedPort: WorkspaceRule = {
  id: 'netpol-unknown-named-port',
  title: 'NetworkPolicy names a port no destination declares',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A named port in a NetworkPolicy rule (`port: http`) is resolved on each destination pod: the container port ' +
    'with that `name` and the same protocol, TCP on either side when `protocol` is absent (so `port: dns` alone does ' +
    'not match a UDP `dns` port). A pod that declares no such port is not reachable through that entry, ' +
    'silently: a typo or a port renamed in the workload denies the traffic the rule was written for. The ' +
    'destinations of an ingress rule are the pods the policy selects; those of an egress rule are the pods its ' +
    '`to` peers match. The rule reports a named port that none of these destinations declares, when the ' +
    "workspace has destinations to judge: for egress, only peers confined to namespaces whose workloads are in the " +
    "workspace (a `podSelector` alone, or a `namespaceSelector` naming namespaces with `kubernetes.io/metadata.name`), " +
    'system namespaces such as kube-system excepted. A name the API server refuses (`"8080"`, `HTTP`) is left to `netpol-invalid-port`.',
  remediation:
    'Use the name of a `containerPort` the destination containers declare (`spec.containers[*].ports[*].name`) ' +
    'with the same protocol, or the port number.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:3.1.0
          ports:
            - {name: http, containerPort: 8080}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - ports:
        - port: https
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:3.1.0
          ports:
            - {name: http, containerPort: 8080}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - ports:
        - port: http
`,
  },
  *check(workspace) {
    const analysis = workspace.connectivity;
    for (const policy of analysis.policies) {
      const { object } = policy.info;
      for (const direction of DIRECTIONS) {
        for (const rule of policy.rules[direction]) {
          if (rule.ports === 'all') continue;
          const destinations = destinationsOf(analysis, policy, rule);
          if (!destinations || destinations.length === 0) continue;
          for (const [index, entry] of rule.ports.entries()) {
            // A name the API server refuses (`"8080"`, `HTTP`) is netpol-invalid-port's finding.
            if (entry.kind !== 'named' || !isValidPortName(entry.name)) continue;
            if (destinations.some((destination) => declaresNamedPort(destination, entry.protocol, entry.name))) continue;
            const others = otherProtocols(destinations, entry.name);
            const path = [...portPath(rule, index), 'port'];
            // A name declared with another protocol suggests a wrong protocol as much as a wrong name.
            const meant = others.length > 0 ? undefined : misspelledPortName(entry.name, declaredNames(destinations, entry.protocol));
            yield {
              object,
              range: object.rangeOf(path, 'value'),
              message:
                `No ${direction === 'Ingress' ? 'selected workload' : 'destination'} (${listNames(destinations.map(workloadName))}) declares a ` +
                `container port named "${entry.name}" with protocol ${entry.protocol}${others.length > 0 ? ` (only with protocol ${listNames(others)})` : ''}: this entry allows no traffic.`,
              ...(meant ? { path, data: { meant } } : {}),
            };
          }
        }
      }
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    const meant = data?.meant;
    if (!path || typeof meant !== 'string') return;
    // Not preferred: the name is a guess from what the destinations declare, to confirm by eye.
    yield* objectFix(input, `Change port to ${meant}`, (editor) => editor.replaceScalar(path, meant));
  },
};

/**
 * The workloads a rule's named ports resolve on, or undefined when the workspace cannot know them
 * all: ingress, the policy's selected workloads; egress, the workloads its peers match, provided
 * every peer is confined to namespaces whose workloads the workspace has.
 */
function destinationsOf(analysis: ConnectivityAnalysis, policy: CompiledPolicy, rule: CompiledRule): readonly Workload[] | undefined {
  const { model } = analysis;
  if (rule.direction === 'Ingress') {
    // Pods an operator creates (a Prometheus object's) may be selected too, with ports no manifest shows.
    const operated = operatedWorkloadsIn(model, policy.info.namespace).filter((workload) => couldSelectPodsOf(policy.podSelector, workload));
    if (!operated.every(declaresAllPodPorts)) return undefined;
    return [...(analysis.selected.get(policy) ?? []), ...operated];
  }
  if (rule.peers === 'everything') return undefined;
  const confined = rule.peers.every((peer) => {
    if (peer.kind === 'ipBlock') return false;
    if (peer.kind === 'invalid') return true;
    const namespaces = peer.namespaceSelector ? namespacesNamedBy(peer.namespaceSelector) : [policy.info.namespace];
    // Operator-created pods there are not in the analysis: their ports cannot be judged.
    return namespaces !== undefined && namespaces.every((name) => hasWorkloads(model, name) && operatedWorkloadsIn(model, name).length === 0);
  });
  if (!confined) return undefined;
  const admitted = analysis.admitted.get(rule);
  return model.workloads.filter((workload) => admitted?.has(workload.key));
}

function hasWorkloads(model: ClusterModel, namespace: string): boolean {
  return judgeableWorkloadsIn(model, namespace).length > 0;
}

/** The port names the destinations' containers declare with `protocol`: what a misspelled name may have meant. */
function declaredNames(destinations: readonly Workload[], protocol: Protocol): string[] {
  return destinations.flatMap((destination) => containerPortsOfAnyMember(destination).flatMap((declared) => (declared.protocol === protocol && declared.name ? [declared.name] : [])));
}

/**
 * The protocols the destinations declare a port of that name with, as written: a protocol the API
 * server refuses (`tcp`) is named as such, which tells the fix.
 */
function otherProtocols(destinations: readonly Workload[], name: string): string[] {
  const protocols = destinations.flatMap((destination) => containerPortsOfAnyMember(destination).flatMap((declared) => (declared.name === name ? [declared.protocol] : [])));
  return [...new Set(protocols)].sort();
}

/** Whether the named port resolves on the workload (on any of its objects, when several files define it). */
function declaresNamedPort(workload: Workload, protocol: Protocol, name: string): boolean {
  if (!isEmptyPorts(resolveNamedPort(workload, protocol, name))) return true;
  return containerPortsOfAnyMember(workload).some((declared) => declared.name === name && declared.protocol === protocol);
}
