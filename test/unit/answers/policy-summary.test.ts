import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest } from '../../../server/src/engine';
import { policySummary } from '../../../server/src/engine/answers/policy-summary';
import { withDnsDefaults, type ClusterDnsConfig } from '../../../server/src/engine/config/lint-config';
import { yaml } from '../../support/dedent';

const workloads = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api}
  spec: {template: {metadata: {labels: {tier: backend}}, spec: {containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]}}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker}
  spec: {template: {metadata: {labels: {tier: backend}}, spec: {containers: [{name: worker}]}}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec: {template: {metadata: {labels: {tier: frontend}}, spec: {containers: [{name: web}]}}}
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: monitoring, labels: {team: ops}}
  ---
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: prometheus, namespace: monitoring}
  spec: {template: {metadata: {labels: {app: prometheus}}, spec: {containers: [{name: prometheus}]}}}
`;

/** The summary of the policy named `name` among `workloads` plus `policies` (two files). */
function summaryOf(policies: string, name: string, dns?: ClusterDnsConfig): string {
  const files = [parseManifest('file:///w/workloads.yaml', workloads), parseManifest('file:///w/policies.yaml', policies)];
  const workspace = buildWorkspace(files, { dns });
  const policy = files[1].objects.find((object) => object.name === name);
  assert.ok(policy, `no object ${name}`);
  return policySummary(workspace, policy);
}

describe('policySummary', () => {
  it('says a "deny backend egress" policy blocks DNS, naming the workloads it selects and admits', () => {
    const summary = summaryOf(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-backend-egress, namespace: default}
        spec:
          podSelector: {matchLabels: {tier: backend}}
          policyTypes: [Egress]
          egress:
            - to: [{podSelector: {matchLabels: {tier: backend}}}]
      `,
      'deny-backend-egress',
    );
    assert.match(summary, /NetworkPolicy `default\/deny-backend-egress`/);
    assert.match(summary, /Applies to pods with `tier=backend` in namespace `default`: 2 workloads \(api, worker\)\./);
    assert.match(summary, /\*\*Ingress\*\*: not restricted by this policy\./);
    assert.match(
      summary,
      /\*\*Egress\*\*: only to pods with `tier=backend` in `default` \(2 workloads: api, worker\), on all ports; everything else is denied, including DNS \(UDP and TCP 53\)\./,
    );
  });

  it('judges DNS against the configured cluster DNS', () => {
    const policy = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend-dns}
      spec:
        podSelector: {matchLabels: {tier: backend}}
        policyTypes: [Egress]
        egress:
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dns-system}}}]
            ports: [{protocol: UDP, port: 5353}]
    `;
    const dnsSystem = withDnsDefaults({ namespace: 'dns-system', podLabels: { app: 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }] });
    assert.match(summaryOf(policy, 'backend-dns'), /everything else is denied, including DNS \(UDP and TCP 53\)\./);
    assert.doesNotMatch(summaryOf(policy, 'backend-dns', dnsSystem), /DNS/);
  });

  it('does not claim DNS is blocked when another policy selecting the pods allows it', () => {
    const summary = summaryOf(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-backend-egress}
        spec:
          podSelector: {matchLabels: {tier: backend}}
          policyTypes: [Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-dns}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
              ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `,
      'deny-backend-egress',
    );
    assert.match(summary, /\*\*Egress\*\*: everything is denied \(no egress rule\) \(DNS is allowed to these pods by other policies\)\./);
    assert.match(summary, /Also isolating these pods for egress: \[allow-dns\]\(file:\/\/\/w\/policies\.yaml#L10\)/);
    assert.doesNotMatch(summary, /including DNS/);
  });

  it('reads an allow-from-namespace rule, with the namespaces and workloads it admits, and the policyTypes defaulting', () => {
    const summary = summaryOf(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-monitoring}
        spec:
          podSelector: {}
          ingress:
            - from: [{namespaceSelector: {matchLabels: {team: ops}}}]
              ports: [{port: 9090}]
      `,
      'allow-monitoring',
    );
    assert.match(summary, /Applies to all pods in namespace `default`: 3 workloads \(api, web, worker\)\./);
    assert.match(summary, /\*\*Ingress\*\*: only from all pods in namespaces with `team=ops` \(1 workload: monitoring\/prometheus\), on TCP 9090; everything else is denied\./);
    // No policyTypes and no egress rules: the policy defaults to Ingress only.
    assert.match(summary, /\*\*Egress\*\*: not restricted by this policy\./);
  });

  it('names an ipBlock with its except, and a selector peer beside it, rule by rule', () => {
    const summary = summaryOf(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress}
        spec:
          podSelector: {matchLabels: {tier: frontend}}
          policyTypes: [Ingress, Egress]
          egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.0.0/16]}}]
              ports: [{port: 443}, {protocol: UDP, port: 5000, endPort: 5010}]
            - to: [{podSelector: {matchLabels: {tier: backend}}, namespaceSelector: {}}]
      `,
      'web-egress',
    );
    assert.match(summary, /\*\*Ingress\*\*: everything is denied \(no ingress rule\)\./);
    assert.match(summary, /- to addresses in 10\.0\.0\.0\/8 except 10\.1\.0\.0\/16, 10\.2\.0\.0\/16, on TCP 443 and UDP 5000-5010\n/);
    assert.match(summary, /- to pods with `tier=backend` in every namespace \(2 workloads: api, worker\), on all ports\n/);
    // Neither rule reaches port 53 of addresses nor pods that look like a DNS server.
    assert.match(summary, /\n\nEverything else is denied, including DNS \(UDP and TCP 53\)\.$/);
  });

  it('resolves named ports on the destination: the selected pods for ingress', () => {
    const summary = summaryOf(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: backend-http}
        spec:
          podSelector: {matchLabels: {tier: backend}}
          ingress:
            - from: [{podSelector: {matchLabels: {tier: frontend}}}]
              ports: [{port: http}, {protocol: UDP, port: metrics}]
      `,
      'backend-http',
    );
    assert.match(
      summary,
      /only from pods with `tier=frontend` in `default` \(1 workload: web\), on port `http` \(TCP 8080 on api; not declared by worker\); UDP port `metrics` \(not declared by api, worker\)/,
    );
  });

  it('says when a rule allows everything, and when rules of a direction are ignored', () => {
    const summary = summaryOf(
      yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: open}
        spec:
          podSelector: {matchLabels: {tier: frontend}}
          policyTypes: [Ingress]
          ingress: [{}]
          egress:
            - to: [{podSelector: {}}]
      `,
      'open',
    );
    assert.match(summary, /\*\*Ingress\*\*: allows all: rule 1 admits every pod and every address on all ports, so this policy restricts nothing\./);
    assert.match(summary, /\*\*Egress\*\*: not restricted by this policy \(its `egress` rules are ignored: `policyTypes` leaves Egress out\)\./);
  });

  it('says which selected workloads use the host network, which most network plugins do not isolate', () => {
    const file = parseManifest(
      'file:///w/agents.yaml',
      yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-agent, namespace: ops}
        spec: {template: {metadata: {labels: {app: agent}}, spec: {hostNetwork: true, containers: [{name: agent}]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: collector, namespace: ops}
        spec: {template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: collector}]}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: agents, namespace: ops}
        spec: {podSelector: {matchLabels: {app: agent}}}
      `,
    );
    const summary = policySummary(buildWorkspace([file]), file.objects[2]);
    assert.match(summary, /Applies to pods with `app=agent` in namespace `ops`: 2 workloads \(collector, node-agent\)\. On most network plugins it does not isolate node-agent, which uses the host network\./);
  });

  it('says a definition that a later one replaces is not evaluated, and where the later one is', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n';
    const base = parseManifest('file:///w/base/deny.yaml', text);
    const overlay = parseManifest('file:///w/overlay/deny.yaml', `# overlay\n${text}`);
    const workspace = buildWorkspace([base, overlay]);
    assert.equal(
      policySummary(workspace, base.objects[0]),
      '**NetworkPolicy `default/deny`**\n\nNot evaluated: a later definition of this policy (../overlay/deny.yaml line 4) replaces it, as `kubectl apply` would.',
    );
    assert.match(policySummary(workspace, overlay.objects[0]), /^\*\*NetworkPolicy `default\/deny`\*\*\n\nApplies to all pods in namespace `default`/);
  });

  it('caps long lists of rules', () => {
    const rules = Array.from({ length: 10 }, (_, index) => `    - ports: [{port: ${8000 + index}}]`).join('\n');
    const summary = summaryOf(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ports}\nspec:\n  podSelector: {}\n  ingress:\n${rules}\n`, 'ports');
    assert.equal(summary.match(/^- from anywhere \(every pod of every namespace and every address\), on TCP 80\d\d$/gm)?.length, 8);
    assert.match(summary, /- from anywhere \(every pod of every namespace and every address\), on TCP 8007\n- and 2 more rules\n/);
  });

  it('caps long lists of selected workloads', () => {
    const pods = Array.from({ length: 11 }, (_, index) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: pod-${index}, namespace: many}\nspec: {containers: [{name: main}]}\n`).join('');
    const file = parseManifest('file:///w/many.yaml', `${pods}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: many}\nspec: {podSelector: {}}\n`);
    const summary = policySummary(buildWorkspace([file]), file.objects.find((object) => object.kind === 'NetworkPolicy')!);
    assert.match(summary, /: 11 workloads \(pod-0, pod-1, pod-10, pod-2, pod-3, pod-4, pod-5, pod-6 and 3 more\)\./);
  });
});
