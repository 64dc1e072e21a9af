import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { netpolEgressBlocksDns } from '../../../server/src/engine/rules/workspace/netpol-egress-blocks-dns';
import { withDnsDefaults } from '../../../server/src/engine/config/lint-config';
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

/** The workload with `lines` added to its pod spec (dnsPolicy, dnsConfig). */
function withDns(workload: string, lines: string): string {
  return workload.replace('\n    spec:\n', `\n    spec:\n${lines.replace(/^/gm, '      ')}\n`);
}

/** CoreDNS in kube-system with kube-dns's label, its DNS ports named `${name}` and `${name}-tcp`. */
function coredns(name: string): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: coredns, namespace: kube-system}
    spec:
      template:
        metadata:
          labels: {k8s-app: kube-dns}
        spec:
          containers:
            - name: coredns
              image: coredns/coredns:1.11.3
              ports:
                - {name: ${name}, containerPort: 53, protocol: UDP}
                - {name: ${name}-tcp, containerPort: 53, protocol: TCP}
  `;
}

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
      name: 'all namespaces, on the named ports of the assumed DNS pods (dns, dns-tcp)',
      code: egressOnly(yaml`
        - to: [{namespaceSelector: {}}]
          ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: dns-tcp}]
      `),
      otherFiles: { 'backend.yaml': backend },
    },
    {
      name: 'kube-system by its name label, on a port range holding 53',
      code: egressOnly(yaml`
        - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
          ports: [{protocol: UDP, port: 50, endPort: 60}, {protocol: TCP, port: 1, endPort: 1024}]
      `),
      otherFiles: { 'backend.yaml': backend },
    },
    {
      name: "kube-system by another label its Namespace object in the workspace carries",
      code: egressOnly(yaml`
        - to: [{namespaceSelector: {matchLabels: {team: platform}}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: {
        'backend.yaml': backend,
        'kube-system.yaml': yaml`
          apiVersion: v1
          kind: Namespace
          metadata: {name: kube-system, labels: {team: platform}}
        `,
      },
    },
    {
      name: 'the DNS configured in .kube-netsec.yaml: another namespace, labels and port',
      code: egressOnly(yaml`
        - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dns-system}}
              podSelector: {matchLabels: {app: coredns}}
          ports: [{protocol: UDP, port: 5353}]
      `),
      otherFiles: { 'backend.yaml': backend },
      config: { dns: withDnsDefaults({ namespace: 'dns-system', podLabels: { app: 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }] }) },
    },
    {
      name: 'the DNS configured with namespace labels',
      code: egressOnly(yaml`
        - to: [{namespaceSelector: {matchLabels: {team: platform}}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      config: { dns: withDnsDefaults({ namespaceLabels: { team: 'platform' } }) },
    },
    {
      name: 'an ipBlock for NodeLocal DNSCache, when its address is configured',
      code: egressOnly(yaml`
        - to: [{ipBlock: {cidr: 169.254.20.10/32}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      config: { dns: withDnsDefaults({ addresses: ['169.254.20.10'] }) },
    },
    {
      name: 'the DNS pods of the workspace: their own port names count',
      code: egressOnly(yaml`
        - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
          ports: [{protocol: UDP, port: domain}, {protocol: TCP, port: domain-tcp}]
      `),
      otherFiles: { 'backend.yaml': backend, 'coredns.yaml': coredns('domain') },
    },
    {
      name: 'pods with resolvers outside the cluster DNS: the node (dnsPolicy Default) or listed nameservers, reached by ipBlock',
      code: `${egressOnly(yaml`
        - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `)}---\n${egressOnly(
        yaml`
          - to: [{ipBlock: {cidr: 1.1.1.0/24}}]
            ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
        `,
        'listed',
      ).replace('app: backend', 'app: listed')}`,
      otherFiles: { 'backend.yaml': withDns(backend, 'dnsPolicy: Default'), 'listed.yaml': withDns(backend.replace(/backend/g, 'listed'), 'dnsPolicy: None\ndnsConfig: {nameservers: [1.1.1.1]}') },
    },
    {
      name: 'a pod whose only nameserver may be the Service of a DNS server among the workloads',
      code: egressOnly(yaml`
        - to: [{podSelector: {matchLabels: {app: dnsmasq}}}]
          ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: 53}]
      `),
      otherFiles: {
        'backend.yaml': withDns(backend, 'dnsPolicy: None\ndnsConfig: {nameservers: [10.96.100.53]}'),
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
      {
      name: 'an AdminNetworkPolicy allows DNS to kube-dns above the NetworkPolicies (a named port resolves on the DNS pods)',
      code: `${backend}---\n${denyBackendEgress}`,
      otherFiles: {
        'cluster/dns.yaml': yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: cluster-dns}
        spec:
          priority: 1
          subject: {namespaces: {}}
          egress:
            - action: Allow
              to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]
              ports: [{namedPort: dns}, {portNumber: {protocol: TCP, port: 53}}]
      `,
      },
    },
    {
      name: 'an AdminNetworkPolicy denies DNS before the NetworkPolicies: they are not consulted (admin-policy-blocks-dns reports it)',
      code: `${backend}---\n${denyBackendEgress}`,
      otherFiles: {
        'cluster/protect.yaml': yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: protect-system}
        spec:
          priority: 1
          subject: {namespaces: {}}
          egress:
            - {action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}
      `,
      },
    },
  ],
  invalid: [
    {
      name: 'an AdminNetworkPolicy denies the DNS pods and passes the NodeLocal DNSCache address to NetworkPolicies that do not allow it',
      code: `${backend}---\n${denyBackendEgress}`,
      config: { dns: withDnsDefaults({ addresses: ['169.254.20.10'] }) },
      otherFiles: {
        'cluster/protect.yaml': yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: protect-system}
        spec:
          priority: 1
          subject: {namespaces: {}}
          egress:
            - {action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}
      `,
      },
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
      name: 'an AdminNetworkPolicy that passes DNS, or allows UDP only, leaves the rest to the NetworkPolicies',
      code: `${backend}---\n${denyBackendEgress}`,
      otherFiles: {
        'cluster/dns.yaml': yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: cluster-dns}
        spec:
          priority: 1
          subject: {namespaces: {}}
          egress:
            - {action: Allow, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}], ports: [{portNumber: {protocol: UDP, port: 53}}]}
            - {action: Pass, to: [{namespaces: {}}]}
      `,
      },
      findings: [
        {
          line: 24,
          column: 7,
          endLine: 24,
          endColumn: 13,
          severity: 'info',
          message: /^NetworkPolicy "deny-backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS \(TCP 53\)/,
        },
      ],
    },
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
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message: 'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (TCP 53): lookups whose answers are too large for UDP (DNSSEC, many records) fail.',
        },
      ],
    },
    {
      name: 'kube-dns labels without a namespaceSelector select pods of the policy namespace only',
      code: egressOnly(yaml`
        - to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message: 'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails.',
        },
      ],
    },
    {
      name: 'kube-system by a label no Namespace object of the workspace gives it, or by a hand-made name label',
      code: `${egressOnly(yaml`
        - to: [{namespaceSelector: {matchLabels: {team: platform}}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `)}---\n${egressOnly(
        yaml`
          - to: [{namespaceSelector: {matchLabels: {name: kube-system}}}]
            ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
        `,
        'name-label',
      )}`,
      otherFiles: { 'backend.yaml': backend },
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message:
            'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails' +
            ' (namespace kube-system is known by its name label only: give the manifests its Namespace object, or list its labels under dns.namespaceLabels in .kube-netsec.yaml).',
        },
        {
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 23,
          message:
            'NetworkPolicy "name-label" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails' +
            ' (namespace kube-system is known by its name label only: give the manifests its Namespace object, or list its labels under dns.namespaceLabels in .kube-netsec.yaml).',
        },
      ],
    },
    {
      name: 'an ipBlock alone does not reach the cluster DNS behind its Service address',
      code: egressOnly(yaml`
        - to: [{ipBlock: {cidr: 10.96.0.10/32}}, {ipBlock: {cidr: 169.254.20.10/32}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message:
            'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails ' +
            "(an ipBlock does not reach the cluster DNS: queries to its Service address are translated to the DNS pods' addresses first; list untranslated resolver addresses, " +
            "such as NodeLocal DNSCache's, under dns.addresses in .kube-netsec.yaml).",
        },
      ],
    },
    {
      name: 'the usual kube-dns rule, when the DNS configured is another: named in the message by its ports',
      code: egressOnly(yaml`
        - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend },
      config: { dns: withDnsDefaults({ namespace: 'dns-system', podLabels: { app: 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }) },
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message: 'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP 5353 and TCP 53): name resolution fails.',
        },
      ],
    },
    {
      name: 'the DNS pods of the workspace do not name their ports dns and dns-tcp',
      code: egressOnly(yaml`
        - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
          ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: 53}]
      `),
      otherFiles: { 'backend.yaml': backend, 'coredns.yaml': coredns('domain') },
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message: 'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP 53): name resolution fails.',
        },
      ],
    },
    {
      name: 'listed nameservers the ipBlocks leave out; the node resolver of dnsPolicy Default with no address allowed',
      code: `${egressOnly(yaml`
        - to: [{ipBlock: {cidr: 8.8.8.8/32}}]
          ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
      `)}---\n${egressOnly(
        yaml`
          - to: [{podSelector: {}}]
            ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
        `,
        'node',
      ).replace('app: backend', 'app: node')}`,
      otherFiles: { 'backend.yaml': withDns(backend, 'dnsPolicy: None\ndnsConfig: {nameservers: [1.1.1.1]}'), 'node.yaml': withDns(backend.replace(/backend/g, 'node'), 'dnsPolicy: Default') },
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message: 'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails.',
        },
        {
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 23,
          message: 'NetworkPolicy "node" isolates the egress of Deployment "node" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails.',
        },
      ],
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
      findings: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 23,
          message: 'NetworkPolicy "backend-egress" isolates the egress of Deployment "backend" and no egress rule lets it reach DNS (UDP and TCP 53): name resolution fails.',
        },
      ],
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
