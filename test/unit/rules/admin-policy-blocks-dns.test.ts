import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { withDnsDefaults } from '../../../server/src/engine/config/lint-config';
import { adminPolicyBlocksDns } from '../../../server/src/engine/rules/workspace/admin-policy-blocks-dns';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

/** A Deployment; `spec` lines (dnsPolicy, hostNetwork) join its pod spec. */
function deployment(namespace: string, name: string, spec = ''): string {
  const extra = spec ? `\n${spec.replace(/^/gm, '      ')}` : '';
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:${extra}\n      containers: [{name: c, image: i}]\n`;
}

/**
 * An AdminNetworkPolicy whose egress rules (list items indented by four) start on line 8; one rule
 * per line in flow style puts rule N's `action` on line 7 + N.
 */
function anp(name: string, priority: number, egress: string, subject = 'namespaces: {}'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  priority: ${priority}\n  subject: {${subject}}\n  egress:\n${egress}`;
}

/** The BaselineAdminNetworkPolicy, its egress rules from line 7. */
function banp(egress: string, subject = 'namespaces: {}'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: {${subject}}\n  egress:\n${egress}`;
}

const KUBE_SYSTEM = '{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}';
const DENY_KUBE_SYSTEM = `    - {name: deny-kube-system, action: Deny, to: [${KUBE_SYSTEM}]}\n`;
const DENY_ALL = '    - {name: deny-all, action: Deny, to: [{namespaces: {}}]}\n';
const ALLOW_DNS = '    - {name: allow-dns, action: Allow, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}], ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]}\n';
const PASS_DNS = `    - {name: pass-dns, action: Pass, to: [${KUBE_SYSTEM}], ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]}\n`;

const SHOP = { 'shop.yaml': deployment('shop', 'web') };

/** A NetworkPolicy of namespace shop that isolates every pod's egress and allows DNS to kube-dns. */
const ALLOW_DNS_POLICY = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: allow-dns, namespace: shop}
  spec:
    podSelector: {}
    policyTypes: [Egress]
    egress:
      - to:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
            podSelector: {matchLabels: {k8s-app: kube-dns}}
        ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`;

/** A NetworkPolicy of namespace shop that isolates every pod's egress and allows nothing. */
const DENY_EGRESS_POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-egress, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Egress]}\n';

testRule(adminPolicyBlocksDns, {
  valid: [
    {
      name: 'an Allow of DNS comes before the Deny',
      code: anp('protect-system', 10, ALLOW_DNS + DENY_KUBE_SYSTEM),
      otherFiles: SHOP,
    },
    {
      name: 'a Pass of DNS before the Deny hands the queries to a NetworkPolicy that allows them',
      code: anp('protect-system', 10, PASS_DNS + DENY_KUBE_SYSTEM),
      otherFiles: { ...SHOP, 'allow-dns.yaml': ALLOW_DNS_POLICY },
    },
    {
      name: 'a Pass of DNS to a NetworkPolicy that does not allow it: the NetworkPolicy decides (netpol-egress-blocks-dns)',
      code: anp('protect-system', 10, PASS_DNS + DENY_KUBE_SYSTEM),
      otherFiles: { ...SHOP, 'deny-egress.yaml': DENY_EGRESS_POLICY },
    },
    {
      name: 'a Pass of DNS with no NetworkPolicy and no baseline: allowed by default',
      code: anp('protect-system', 10, PASS_DNS + DENY_KUBE_SYSTEM),
      otherFiles: SHOP,
    },
    {
      name: 'the Deny is on other ports of kube-system',
      code: anp('protect-system', 10, `    - {action: Deny, to: [${KUBE_SYSTEM}], ports: [{portNumber: {port: 443}}, {portRange: {protocol: UDP, start: 54, end: 65535}}]}\n`),
      otherFiles: SHOP,
    },
    {
      name: 'ports: [] matches nothing',
      code: anp('protect-system', 10, `    - {action: Deny, to: [${KUBE_SYSTEM}], ports: []}\n`),
      otherFiles: SHOP,
    },
    {
      name: 'networks never match the DNS pods, not even 0.0.0.0/0',
      code: anp('no-egress', 10, '    - {action: Deny, to: [{networks: [0.0.0.0/0]}]}\n'),
      otherFiles: SHOP,
    },
    {
      name: 'the subject selects no workload whose DNS it would cut',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM, 'namespaces: {matchLabels: {team: sandbox}}'),
      otherFiles: SHOP,
    },
    {
      name: 'a Deny toward pods of kube-system other than the DNS pods',
      code: anp('protect-system', 10, '    - {action: Deny, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: metrics-server}}}}]}\n'),
      otherFiles: SHOP,
    },
    {
      name: 'host-network pods and pods with the node\'s resolvers are left out',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: { 'agents.yaml': `${deployment('shop', 'agent', 'hostNetwork: true')}---\n${deployment('shop', 'probe', 'dnsPolicy: Default')}` },
    },
    {
      name: 'the DNS pods of the manifests are not judged for their own queries',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: { 'coredns.yaml': deployment('kube-system', 'coredns').replace('labels: {app: coredns}', 'labels: {k8s-app: kube-dns}') },
    },
    {
      name: 'a configured DNS in another namespace is not in kube-system',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: SHOP,
      config: { dns: withDnsDefaults({ namespace: 'dns-system', podLabels: { app: 'coredns' } }) },
    },
    {
      name: 'the queries still reach a configured NodeLocal DNSCache address',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: SHOP,
      config: { dns: withDnsDefaults({ addresses: ['169.254.20.10'] }) },
    },
    {
      name: 'the pod also lists a nameserver address that nothing denies',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: { 'shop.yaml': deployment('shop', 'web', 'dnsConfig: {nameservers: [10.96.0.53]}') },
    },
    {
      name: 'a baseline Deny is hidden by a NetworkPolicy that selects the pods for egress',
      code: banp(DENY_ALL),
      otherFiles: { ...SHOP, 'allow-dns.yaml': ALLOW_DNS_POLICY },
    },
    {
      name: 'a baseline Allow of DNS before its Deny',
      code: banp(ALLOW_DNS + DENY_ALL),
      otherFiles: SHOP,
    },
    {
      name: 'an admin Allow of DNS decides before the baseline Deny',
      code: banp(DENY_ALL),
      otherFiles: { ...SHOP, 'admin.yaml': anp('cluster-dns', 1, ALLOW_DNS) },
    },
    {
      name: 'a baseline is not judged while a policy kube-netsec does not evaluate may select the pods',
      code: banp(DENY_ALL),
      otherFiles: {
        ...SHOP,
        'calico.yaml': 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: allow-dns, namespace: shop}\nspec:\n  selector: all()\n  types: [Egress]\n  egress:\n    - action: Allow\n      protocol: UDP\n      destination: {ports: [53]}\n',
      },
    },
    {
      name: 'an AdminNetworkPolicy of the same priority may decide first: their order is undefined',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: { ...SHOP, 'admin.yaml': anp('cluster-dns', 10, ALLOW_DNS) },
    },
  ],
  invalid: [
    {
      name: 'a Deny of egress to kube-system, above a NetworkPolicy that allows DNS',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM),
      otherFiles: { ...SHOP, 'allow-dns.yaml': ALLOW_DNS_POLICY },
      findings: [
        {
          line: 8,
          column: 40,
          endLine: 8,
          endColumn: 44,
          message:
            'Egress rule 1 ("deny-kube-system") of AdminNetworkPolicy "protect-system" (priority 10) denies the DNS queries (UDP and TCP 53) of the pods of namespace shop ' +
            'to the cluster DNS in kube-system: name resolution fails, and no NetworkPolicy can allow them again (an admin-tier Deny is final).',
        },
      ],
    },
    {
      name: 'a Deny of all egress, for pods no NetworkPolicy isolates; several workloads of several namespaces',
      code: anp('lockdown', 5, DENY_ALL),
      otherFiles: { ...SHOP, 'pay.yaml': `${deployment('pay', 'ledger')}---\n${deployment('pay', 'api')}` },
      findings: [{ line: 8, column: 32, endLine: 8, endColumn: 36, message: /^Egress rule 1 \("deny-all"\) of AdminNetworkPolicy "lockdown" \(priority 5\) denies the DNS queries \(UDP and TCP 53\) of the pods of namespaces pay and shop to the cluster DNS in kube-system: / }],
    },
    {
      name: 'a Deny of UDP 53 only cuts the usual lookups; of TCP 53 only, large answers (info)',
      code: anp('dns-udp', 10, `    - {action: Deny, to: [${KUBE_SYSTEM}], ports: [{portNumber: {protocol: UDP, port: 53}}]}\n`) + '---\n' + anp('dns-tcp', 20, `    - {action: Deny, to: [${KUBE_SYSTEM}], ports: [{portNumber: {protocol: TCP, port: 53}}]}\n`),
      otherFiles: SHOP,
      findings: [
        { line: 8, column: 16, endLine: 8, endColumn: 20, severity: 'warning', message: /denies the DNS queries \(UDP 53\) of the pods of namespace shop to the cluster DNS in kube-system: name resolution fails,/ },
        { line: 17, column: 16, endLine: 17, endColumn: 20, severity: 'info', message: /denies the DNS queries \(TCP 53\) of the pods of namespace shop to the cluster DNS in kube-system: lookups whose answers are too large for UDP \(DNSSEC, many records\) fail,/ },
      ],
    },
    {
      name: 'a named port resolves on the DNS pods: dns is UDP 53',
      code: anp('protect-system', 10, '    - {action: Deny, to: [{namespaces: {}}], ports: [{namedPort: dns}]}\n'),
      otherFiles: SHOP,
      findings: [{ line: 8, column: 16, endLine: 8, endColumn: 20, message: /denies the DNS queries \(UDP 53\) of the pods of namespace shop/ }],
    },
    {
      name: 'a Deny after a Pass of other ports; the DNS workload of the manifests is judged as written',
      code: anp('protect-system', 10, `    - {action: Pass, to: [${KUBE_SYSTEM}], ports: [{portNumber: {port: 443}}]}\n${DENY_KUBE_SYSTEM}`),
      otherFiles: { ...SHOP, 'coredns.yaml': deployment('kube-system', 'coredns').replace('labels: {app: coredns}', 'labels: {k8s-app: kube-dns}') },
      findings: [{ line: 9, column: 40, endLine: 9, endColumn: 44, message: /^Egress rule 2 \("deny-kube-system"\) of AdminNetworkPolicy "protect-system" \(priority 10\) denies/ }],
    },
    {
      name: 'only some workloads of a namespace are selected: named one by one',
      code: anp('protect-system', 10, DENY_KUBE_SYSTEM, 'pods: {podSelector: {matchLabels: {app: web}}}'),
      otherFiles: { 'shop.yaml': `${deployment('shop', 'web')}---\n${deployment('shop', 'worker')}` },
      findings: [{ line: 8, column: 40, endLine: 8, endColumn: 44, message: /denies the DNS queries \(UDP and TCP 53\) of Deployment "web" in namespace shop to the cluster DNS/ }],
    },
    {
      name: 'the configured DNS: its namespace, labels and port',
      code: anp('protect-dns', 10, '    - {action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: dns-system}}}]}\n'),
      otherFiles: SHOP,
      config: { dns: withDnsDefaults({ namespace: 'dns-system', podLabels: { app: 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }] }) },
      findings: [{ line: 8, column: 16, endLine: 8, endColumn: 20, message: /denies the DNS queries \(UDP 5353\) of the pods of namespace shop to the cluster DNS in dns-system: name resolution fails/ }],
    },
    {
      name: 'a Deny of DNS that also covers the configured NodeLocal DNSCache address',
      code: anp('lockdown', 10, '    - {action: Deny, to: [{namespaces: {}}, {networks: [169.254.0.0/16]}]}\n'),
      otherFiles: SHOP,
      config: { dns: withDnsDefaults({ addresses: ['169.254.20.10'] }) },
      findings: [{ line: 8, column: 16, endLine: 8, endColumn: 20, message: /^Egress rule 1 of AdminNetworkPolicy "lockdown" \(priority 10\) denies the DNS queries \(UDP and TCP 53\)/ }],
    },
    {
      name: 'the listed nameserver address is denied too',
      code: anp('lockdown', 10, '    - {action: Deny, to: [{namespaces: {}}, {networks: [10.0.0.0/8]}]}\n'),
      otherFiles: { 'shop.yaml': deployment('shop', 'web', 'dnsConfig: {nameservers: [10.96.0.53]}') },
      findings: [{ line: 8, column: 16, endLine: 8, endColumn: 20, message: /denies the DNS queries \(UDP and TCP 53\) of the pods of namespace shop/ }],
    },
    {
      name: 'an Admin-tier ClusterNetworkPolicy by its kind, tier and priority',
      code: 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: protect-system}\nspec:\n  tier: Admin\n  priority: 7\n  subject: {namespaces: {}}\n  egress:\n    - {action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}\n',
      otherFiles: SHOP,
      findings: [{ line: 9, column: 16, endLine: 9, endColumn: 20, message: /^Egress rule 1 of ClusterNetworkPolicy "protect-system" \(Admin tier, priority 7\) denies the DNS queries/ }],
    },
    {
      name: 'the baseline denies all egress of pods no NetworkPolicy selects',
      code: banp(DENY_ALL),
      otherFiles: SHOP,
      findings: [
        {
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 36,
          message:
            'Egress rule 1 ("deny-all") of BaselineAdminNetworkPolicy "default" denies the DNS queries (UDP and TCP 53) of the pods of namespace shop to the cluster DNS in kube-system: ' +
            'no NetworkPolicy selects them for egress, so the baseline decides, and name resolution fails.',
        },
      ],
    },
    {
      name: 'an admin Pass hands DNS to the baseline when no NetworkPolicy selects the pods',
      code: banp(`    - {name: deny-system, action: Deny, to: [${KUBE_SYSTEM}], ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]}\n`),
      otherFiles: { ...SHOP, 'admin.yaml': anp('delegate', 10, PASS_DNS + '    - {action: Allow, to: [{namespaces: {}}]}\n') },
      findings: [{ line: 7, column: 35, endLine: 7, endColumn: 39, message: /^Egress rule 1 \("deny-system"\) of BaselineAdminNetworkPolicy "default" denies/ }],
    },
    {
      name: 'a Baseline-tier ClusterNetworkPolicy; one workload among others of its namespace',
      code: 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: baseline}\nspec:\n  tier: Baseline\n  priority: 3\n  subject: {pods: {podSelector: {matchLabels: {app: web}}}}\n  egress:\n    - {action: Deny, to: [{namespaces: {}}]}\n',
      otherFiles: { 'shop.yaml': `${deployment('shop', 'web')}---\n${deployment('shop', 'worker')}` },
      findings: [
        {
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 20,
          message: 'Egress rule 1 of ClusterNetworkPolicy "baseline" (Baseline tier, priority 3) denies the DNS queries (UDP and TCP 53) of Deployment "web" in namespace shop to the cluster DNS in kube-system: no NetworkPolicy selects it for egress, so the baseline decides, and name resolution fails.',
        },
      ],
    },
  ],
});

it('admin-policy-blocks-dns links the workloads whose queries are cut and the NetworkPolicy that would allow them', () => {
  const config = mergeConfigs({});
  const files = [parseManifest('admin.yaml', anp('protect-system', 10, DENY_KUBE_SYSTEM)), parseManifest('shop.yaml', deployment('shop', 'web')), parseManifest('allow-dns.yaml', ALLOW_DNS_POLICY)];
  const [finding] = lintWorkspace(buildWorkspace(files, config), { rules: [adminPolicyBlocksDns], config }).get('admin.yaml') ?? [];
  assert.deepEqual(finding.related, [
    { uri: 'shop.yaml', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 11 } }, message: 'Deployment "web" in namespace shop: its DNS queries are denied' },
    { uri: 'allow-dns.yaml', range: { start: { line: 2, character: 11 }, end: { line: 2, character: 26 } }, message: 'NetworkPolicy "allow-dns" would allow the queries, but the admin tier decides them first' },
  ]);
});

it('admin-policy-blocks-dns links only the workloads for a baseline rule', () => {
  const config = mergeConfigs({});
  const files = [parseManifest('banp.yaml', banp(DENY_ALL)), parseManifest('shop.yaml', deployment('shop', 'web'))];
  const [finding] = lintWorkspace(buildWorkspace(files, config), { rules: [adminPolicyBlocksDns], config }).get('banp.yaml') ?? [];
  assert.deepEqual(finding.related?.map((related) => related.uri), ['shop.yaml']);
});
