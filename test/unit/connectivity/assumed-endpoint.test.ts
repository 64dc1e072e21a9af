import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describePorts } from '../../../server/src/engine/connectivity';
import { egressToward, type AssumedEndpoint } from '../../../server/src/engine/connectivity/assumed-endpoint';
import type { Workload } from '../../../server/src/engine/model';
import { yaml } from '../../support/dedent';
import { analysisOf } from './scenario';

/** The cluster DNS as CoreDNS runs it, outside the manifests. */
const dnsWorkload: Workload = {
  key: 'kube-system/coredns[Deployment]',
  id: { kind: 'Deployment', namespace: 'kube-system', name: 'coredns' },
  podLabels: { 'k8s-app': 'kube-dns' },
  containerPorts: [
    { port: 53, protocol: 'UDP', name: 'dns', path: [] },
    { port: 53, protocol: 'TCP', name: 'dns-tcp', path: [] },
  ],
  members: [],
};

const endpoint = (labels: Record<string, string> = {}): AssumedEndpoint => ({
  workload: dnsWorkload,
  namespace: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system', ...labels } },
});

/** What the egress rules of the policies of `policies` (one YAML stream) allow toward the endpoint. */
function allowed(policies: string, target = endpoint()): string {
  const { analysis } = analysisOf(policies);
  return describePorts(egressToward(analysis.policies, target));
}

const egress = (rules: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: p, namespace: shop}
  spec:
    podSelector: {}
    policyTypes: [Egress]
    egress:
` + rules.replace(/^/gm, '    ').trimEnd() + '\n';

describe('egress toward an endpoint outside the model', () => {
  it('matches its namespace by its labels and its pods by theirs, as the analysis matches workloads', () => {
    const toDns = egress(yaml`
      - to:
          - namespaceSelector: {matchLabels: {team: platform}}
            podSelector: {matchLabels: {k8s-app: kube-dns}}
        ports: [{protocol: UDP, port: 53}]
    `);
    assert.equal(allowed(toDns), 'No Connections');
    assert.equal(allowed(toDns, endpoint({ team: 'platform' })), 'UDP 53');
  });

  it('resolves named ports on its container ports; an ipBlock and a podSelector of another namespace never match it', () => {
    assert.equal(allowed(egress('- to: [{namespaceSelector: {}}]\n  ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: dns}]\n')), 'UDP 53');
    assert.equal(allowed(egress('- to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n')), 'No Connections');
    assert.equal(allowed(egress('- to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n')), 'No Connections');
  });

  it('unites the rules of every policy; a rule without peers matches it on all its ports', () => {
    assert.equal(allowed(`${egress('- ports: [{protocol: TCP, port: 50, endPort: 60}]\n')}---\n${egress('- to: [{namespaceSelector: {}}]\n  ports: [{protocol: UDP, port: 53}]\n').replace('name: p', 'name: q')}`), 'TCP 50-60,UDP 53');
  });
});
