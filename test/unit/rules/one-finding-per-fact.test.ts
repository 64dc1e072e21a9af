import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES, buildWorkspace, lintWorkspace, mergeConfigs, parseManifest, type Finding } from '../../../server/src/engine';
import { usesHostNetwork } from '../../../server/src/engine/rules/workspace/workspace-objects';

// A generated stack the size of a real one: a fact (a namespace without a default deny, a workload
// left open) must give one finding, not one per direction, member object or file.

const NAMESPACES = ['shop', 'payments', 'search', 'ops', 'default'];
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Pod', 'ReplicaSet-pods'] as const;

function indent(text: string, spaces: number): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(spaces));
}

function workload(namespace: string, index: number): string {
  const kind = KINDS[index % KINDS.length];
  const name = `${namespace}-app-${index}`;
  const labels = `{app: ${name}, tier: ${index % 2 === 0 ? 'backend' : 'frontend'}}`;
  const podSpec =
    `containers:\n  - name: main\n    image: registry.example.com/${name}:1.0\n    ports: [{name: http, containerPort: 8080}]\n` +
    (index % 11 === 5 ? 'hostNetwork: true\n' : '');
  if (kind === 'Pod') return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: ${labels}\nspec:\n${indent(podSpec, 2)}`;
  if (kind === 'ReplicaSet-pods') {
    // Two pods a ReplicaSet owns: one workload of two member objects.
    return [1, 2]
      .map((replica) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}-${replica}\n  namespace: ${namespace}\n  labels: ${labels}\n  ownerReferences: [{kind: ReplicaSet, name: ${name}, controller: true}]\nspec:\n${indent(podSpec, 2)}`)
      .join('---\n');
  }
  const template = `metadata:\n  labels: ${labels}\nspec:\n${indent(podSpec, 2)}`;
  if (kind === 'CronJob') return `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n${indent(template, 8)}`;
  return `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n${indent(template, 4)}`;
}

function service(namespace: string, index: number): string {
  const name = `${namespace}-app-${index}`;
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 80, targetPort: http}]\n`;
}

/**
 * shop: no policy; payments: ingress for its backend only, on a port name no container has, and an
 * egress policy that blocks DNS; search: egress for one workload, a policy and a Service that select
 * nothing, with a peer that selects nothing; ops: an ingress default deny.
 */
function policies(namespace: string): string[] {
  const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}`;
  if (namespace === 'payments') {
    return [
      policy('backend-ingress', '  podSelector: {matchLabels: {tier: backend}}\n  policyTypes: [Ingress]\n  ingress:\n    - from: [{podSelector: {matchLabels: {tier: frontend}}}]\n      ports: [{port: grpc}]\n'),
      policy('backend-egress', '  podSelector: {matchLabels: {tier: backend}}\n  policyTypes: [Egress]\n  egress:\n    - to: [{podSelector: {matchLabels: {tier: frontend}}}]\n      ports: [{port: 8080}]\n'),
    ];
  }
  if (namespace === 'search') {
    return [
      policy('one-egress', '  podSelector: {matchLabels: {app: search-app-0}}\n  policyTypes: [Egress]\n  egress:\n    - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]\n'),
      policy('ghost', '  podSelector: {matchLabels: {app: ghost}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {app: phantom}}}]\n'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: ghost, namespace: search}\nspec:\n  selector: {app: ghost}\n  ports: [{port: 80}]\n',
    ];
  }
  if (namespace === 'ops') return [policy('default-deny-ingress', '  podSelector: {}\n  policyTypes: [Ingress]\n')];
  return [];
}

/** Per namespace: a Namespace object (some), workloads spread over three files, Services, policies. */
function generatedStack(): { uri: string; text: string }[] {
  const files: { uri: string; text: string }[] = [];
  NAMESPACES.forEach((namespace, n) => {
    const documents = Array.from({ length: 18 }, (_, index) => workload(namespace, index));
    for (let part = 0; part < 3; part++) {
      const own = documents.filter((_, index) => index % 3 === part);
      const header = part === 0 && n % 2 === 0 && namespace !== 'default' ? [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n`] : [];
      const services = part === 1 ? Array.from({ length: 6 }, (_, index) => service(namespace, index)) : [];
      files.push({ uri: `stack/${namespace}/part-${part}.yaml`, text: [...header, ...own, ...services].join('---\n') });
    }
    const own = policies(namespace);
    if (own.length > 0) files.push({ uri: `stack/${namespace}/policies.yaml`, text: own.join('---\n') });
  });
  return files;
}

function objectRef(finding: Finding): string {
  const object = finding.object;
  return [object?.kind ?? '', object?.namespace ?? '', object?.name ?? ''].join(' ');
}

describe('one finding per fact, on a generated stack', () => {
  const config = mergeConfigs({});
  const workspace = buildWorkspace(generatedStack().map(({ uri, text }) => parseManifest(uri, text)), config);
  const rules = ALL_RULES.filter((rule) => rule.scope === 'workspace');
  const findings = [...lintWorkspace(workspace, { rules, config }).values()].flat();

  it('lints a stack with workloads, owned pods, and namespaces with and without policies', () => {
    assert.ok(workspace.model.workloads.length >= 80, `${workspace.model.workloads.length} workloads`);
    assert.ok(workspace.model.workloads.some((candidate) => candidate.members.length > 1), 'some workload has several member objects');
    // The rules have something to say: without it the assertions below would hold trivially.
    const fired = new Set(findings.map((finding) => finding.ruleId));
    for (const id of ['namespace-no-default-deny', 'workload-not-isolated', 'netpol-selects-nothing', 'netpol-peer-selects-nothing', 'service-selects-nothing', 'netpol-egress-blocks-dns', 'netpol-unknown-named-port']) {
      assert.ok(fired.has(id), `${id} reports something (${[...fired].join(', ')})`);
    }
  });

  it('reports every workspace rule at most once per object', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const finding of findings) {
      const key = `${finding.ruleId} ${objectRef(finding)}`;
      if (seen.has(key)) repeated.push(`${key}:\n  ${seen.get(key)}\n  ${finding.message}`);
      else seen.set(key, finding.message);
    }
    assert.deepEqual(repeated, []);
  });

  it('reports namespace-no-default-deny at most once per namespace, and for each namespace that lacks a default deny', () => {
    const namespaces = findings.filter((finding) => finding.ruleId === 'namespace-no-default-deny').map((finding) => /^Namespace "([^"]+)"/.exec(finding.message)?.[1]);
    // ops denies ingress by default: it is reported for egress only.
    assert.deepEqual(namespaces.sort(), ['default', 'ops', 'payments', 'search', 'shop']);
    const ops = findings.find((finding) => finding.ruleId === 'namespace-no-default-deny' && finding.message.startsWith('Namespace "ops"'));
    assert.equal(ops?.severity, 'info');
    assert.match(ops?.message ?? '', /for egress:/);
  });

  it('reports workload-not-isolated once per open workload of the namespaces that use policies', () => {
    const reported = findings.filter((finding) => finding.ruleId === 'workload-not-isolated');
    const byWorkload = new Set(reported.map((finding) => /^\w+ "([^"]+)"/.exec(finding.message)?.[1]));
    assert.equal(byWorkload.size, reported.length);
    // payments: the frontend half is open both ways (its policies select only tier=backend); the host-network workload is left out.
    const payments = reported.filter((finding) => finding.object?.namespace === 'payments');
    const frontends = workspace.model.workloads.filter((candidate) => candidate.id.namespace === 'payments' && candidate.podLabels.tier === 'frontend' && !usesHostNetwork(candidate));
    assert.equal(payments.length, frontends.length);
    assert.ok(payments.every((finding) => finding.severity === 'warning' && / for ingress or egress, although namespace "payments" has ingress and egress policies: /.test(finding.message)));
  });
});
