import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { netpolEgressBlocksDns } from '../../../server/src/engine/rules/workspace/netpol-egress-blocks-dns';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

/** The seed example: a policy meant to keep the backend talking to the backend only. */
const denyBackendEgress = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: deny-backend-egress
  spec:
    podSelector:
      matchLabels:
        app: backend
    policyTypes:
      - Egress
    egress:
      - to:
          - podSelector:
              matchLabels:
                app: backend
`;

const backend = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: backend
  spec:
    template:
      metadata:
        labels:
          app: backend
      spec:
        containers:
          - name: api
            image: backend:1.0
`;

/** A policy whose only egress rule is `rule` (indented as a list item of `egress`). */
function egressOnly(rule: string, name = 'backend-egress'): string {
  return yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: ${name}}
    spec:
      podSelector: {matchLabels: {app: backend}}
      policyTypes: [Egress]
      egress:
  ` + rule.replace(/^/gm, '    ').trimEnd() + '\n';
}

testRule(netpolEgressBlocksDns, {
  valid: [
    {
      name: 'a rule to kube-dns in kube-system on UDP and TCP 53',
      code: egressOnly(yaml`
        - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
    },
    {
      name: 'DNS allowed by a namespace-wide policy in another file',
      code: denyBackendEgress,
      otherFiles: {
        'backend.yaml': backend,
        'allow-dns.yaml': yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: allow-dns}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
        `,
      },
    },
    {
      name: 'a rule without peers, or the empty rule',
      code: `${egressOnly('- ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]\n')}---\n${egressOnly('- {}\n', 'all')}`,
      otherFiles: { 'backend.yaml': backend },
    },
    {
      name: 'any namespace; the named ports of CoreDNS; a port range',
      code: `${egressOnly(yaml`
        - to: [{namespaceSelector: {}}]
          ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: dns-tcp}]
      `)}---\n${egressOnly(
        yaml`
          - to: [{namespaceSelector: {matchLabels: {name: kube-system}}}]
            ports: [{protocol: UDP, port: 1, endPort: 1024}, {protocol: TCP, port: 1, endPort: 1024}]
        `,
        'ranges',
      )}`,
      otherFiles: { 'backend.yaml': backend },
    },
    {
      name: 'node-local DNS and external resolvers are addresses',
      code: egressOnly(yaml`
        - to: [{ipBlock: {cidr: 169.254.20.10/32}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
    },
    {
      name: 'a DNS server among the workloads of the workspace',
      code: egressOnly(yaml`
        - to: [{podSelector: {matchLabels: {app: dnsmasq}}}]
          ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: 53}]
      `),
      otherFiles: {
        'backend.yaml': backend,
        'dnsmasq.yaml': yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: dnsmasq}
          spec:
            template:
              metadata:
                labels: {app: dnsmasq}
              spec:
                containers:
                  - name: dnsmasq
                    image: dnsmasq:2.90
                    ports:
                      - {name: dns, containerPort: 53, protocol: UDP}
                      - {name: dns-tcp, containerPort: 53, protocol: TCP}
        `,
      },
    },
    {
      name: 'a lone policy whose pods get DNS from a policy with the same podSelector',
      code: denyBackendEgress,
      otherFiles: {
        'allow-dns.yaml': egressOnly(
          yaml`
            - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
              ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
          `,
          'backend-allow-dns',
        ),
      },
    },
    {
      name: 'an ingress-only policy, a Calico policy, and host-network pods',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: ingress-only}
        spec:
          podSelector: {}
          ingress: []
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: deny-egress}
        spec:
          selector: all()
          types: [Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: agent-egress}
        spec:
          podSelector: {matchLabels: {app: agent}}
          policyTypes: [Egress]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            metadata:
              labels: {app: agent}
            spec:
              hostNetwork: true
      `,
    },
    {
      name: 'in kube-system, a podSelector alone reaches the DNS pods',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: metrics-egress, namespace: kube-system}
        spec:
          podSelector: {matchLabels: {app: metrics}}
          policyTypes: [Egress]
          egress:
            - to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}]
              ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `,
    },
  ],
  invalid: [
    {
      name: 'the seed example: egress only to backend pods',
      code: `${backend}---\n${denyBackendEgress}`,
      findings: [
        {
          line: 24,
          column: 7,
          endLine: 24,
          endColumn: 13,
          message: 'NetworkPolicy "deny-backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails.',
        },
      ],
    },
    {
      name: 'the seed example alone: judged for the pods it selects',
      code: denyBackendEgress,
      findings: [
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 13,
          message: 'NetworkPolicy "deny-backend-egress" isolates the egress of the pods it selects and no egress rule lets them reach DNS (UDP and TCP 53): name resolution fails.',
        },
      ],
    },
    {
      name: 'a default deny of egress, with workloads of several kinds in another file; policyTypes in flow style',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
      `,
      otherFiles: {
        'shop.yaml': yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: shop}
          ---
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db, namespace: shop}
        `,
      },
      findings: [
        {
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 54,
          message: 'NetworkPolicy "default-deny" isolates the egress of StatefulSet "db" and Deployment "web" and no egress rule lets them reach DNS (UDP and TCP 53): name resolution fails.',
        },
      ],
    },
    {
      name: 'UDP allowed, TCP not',
      code: egressOnly(yaml`
        - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          ports: [{protocol: UDP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      findings: [{ line: 6, column: 17, endLine: 6, endColumn: 23, message: /reach DNS \(TCP 53\): lookups whose answers are too large for UDP \(DNSSEC, many records\) fail\.$/ }],
    },
    {
      name: 'kube-dns labels without a namespaceSelector select pods of the policy namespace only',
      code: egressOnly(yaml`
        - to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      findings: [{ line: 6, column: 17, endLine: 6, endColumn: 23, message: /\(UDP and TCP 53\)/ }],
    },
    {
      name: 'a namespace named otherwise, a pod selector that is not DNS, another port, a named port toward addresses',
      code: egressOnly(yaml`
        - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: backend}}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
        - to:
            - namespaceSelector: {}
              podSelector: {matchLabels: {app: postgres}}
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
        - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
          ports: [{protocol: UDP, port: 5353}, {protocol: TCP, port: 5353}]
        - to: [{ipBlock: {cidr: 10.96.0.10/32}}]
          ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: dns-tcp}]
      `),
      otherFiles: { 'backend.yaml': backend },
      findings: [{ line: 6, column: 17, endLine: 6, endColumn: 23, message: /\(UDP and TCP 53\)/ }],
    },
    {
      name: 'egress isolation from the egress rules alone: on the egress key',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: backend}
        spec:
          podSelector: {matchLabels: {app: backend}}
          egress:
            - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
              ports: [{port: 443}]
      `,
      otherFiles: { 'backend.yaml': backend },
      findings: [{ line: 6, column: 3, endLine: 6, endColumn: 9, message: /^NetworkPolicy "backend" isolates the egress of Deployment "backend"/ }],
    },
  ],
});

describe('rule netpol-egress-blocks-dns: severities', () => {
  it('reports blocked UDP as a warning and blocked TCP alone as info', () => {
    const severityOf = (text: string) => {
      const file = parseManifest('test.yaml', text);
      const config = mergeConfigs({});
      return (lintWorkspace(buildWorkspace([file], config), { rules: [netpolEgressBlocksDns], config }).get('test.yaml') ?? []).map((finding) => finding.severity);
    };
    assert.deepEqual(severityOf(denyBackendEgress), ['warning']);
    assert.deepEqual(severityOf(egressOnly('- ports: [{protocol: UDP, port: 53}]\n')), ['info']);
    assert.deepEqual(severityOf(egressOnly('- ports: [{protocol: TCP, port: 53}]\n')), ['warning']);
  });
});
