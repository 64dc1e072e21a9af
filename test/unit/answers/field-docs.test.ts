import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest, type KubeObject } from '../../../server/src/engine';
import { fieldDocAt } from '../../../server/src/engine/answers/field-doc-hover';
import { FIELD_DOCS } from '../../../server/src/engine/answers/field-docs';
import { yaml } from '../../support/dedent';

function objectOf(code: string, index = 0): KubeObject {
  return parseManifest('test.yaml', code).objects[index];
}

const deployment = (podSpec: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    annotations: {sidecar.istio.io/inject: "false"}
  spec:
    template:
      metadata:
        labels: {app: api, sidecar.istio.io/inject: "false"}
      spec: ${podSpec}
`;

const POD_SPEC = ['spec', 'template', 'spec'];
const CONTAINER = [...POD_SPEC, 'containers', 0];

describe('field docs', () => {
  it('hostNetwork: true is the node’s network namespace, false the pod’s own', () => {
    const on = fieldDocAt(objectOf(deployment('{hostNetwork: true, containers: [{name: a}]}')), [...POD_SPEC, 'hostNetwork']);
    const off = fieldDocAt(objectOf(deployment('{hostNetwork: false, containers: [{name: a}]}')), [...POD_SPEC, 'hostNetwork']);
    assert.match(on!, /^\*\*`hostNetwork: true`\*\*/);
    assert.match(on!, /sees every interface of the node/);
    assert.match(on!, /NetworkPolicies do not reliably apply/);
    assert.match(off!, /^\*\*`hostNetwork: false`\*\*/);
    assert.match(off!, /own network namespace and pod IP/);
    assert.doesNotMatch(off!, /every interface/);
  });

  it('finds pod spec fields in every workload kind, and container fields in each container', () => {
    const cronJob = objectOf(yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: backup}
      spec: {jobTemplate: {spec: {template: {spec: {hostPID: true, initContainers: [{name: init, ports: [{containerPort: 53, hostPort: 5353}]}]}}}}}
    `);
    const base = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    assert.match(fieldDocAt(cronJob, [...base, 'hostPID'])!, /see every process of the node/);
    const hostPort = fieldDocAt(cronJob, [...base, 'initContainers', 0, 'ports', 0, 'hostPort'])!;
    assert.match(hostPort, /`hostPort: 5353`/);
    assert.match(hostPort, /Port 5353 of every node that runs this pod reaches the container/);
  });

  it('says which capabilities matter and whether NET_RAW is dropped', () => {
    const object = objectOf(deployment('{containers: [{name: a, securityContext: {capabilities: {add: [NET_ADMIN, CHOWN, CAP_NET_RAW], drop: [KILL]}}}]}'));
    const capabilities = [...CONTAINER, 'securityContext', 'capabilities'];
    assert.match(fieldDocAt(object, [...capabilities, 'add'])!, /Network-relevant here: NET_ADMIN, CAP_NET_RAW\./);
    assert.match(fieldDocAt(object, [...capabilities, 'add', 0])!, /NET_ADMIN grants reconfiguring the pod's network/);
    assert.match(fieldDocAt(object, [...capabilities, 'add', 1])!, /CHOWN grants nothing network-specific/);
    assert.match(fieldDocAt(object, [...capabilities, 'drop'])!, /NET_RAW is not dropped/);
    const dropsAll = objectOf(deployment('{containers: [{name: a, securityContext: {capabilities: {drop: [ALL]}}}]}'));
    assert.match(fieldDocAt(dropsAll, [...capabilities, 'drop'])!, /NET_RAW is dropped/);
  });

  it('tells safe sysctls from unsafe ones, with the known effect', () => {
    const object = objectOf(deployment('{securityContext: {sysctls: [{name: net.ipv4.ip_forward, value: "1"}, {name: net.ipv4.tcp_syncookies, value: "1"}]}, containers: [{name: a}]}'));
    const sysctls = [...POD_SPEC, 'securityContext', 'sysctls'];
    assert.match(fieldDocAt(object, sysctls)!, /Unsafe here: `net\.ipv4\.ip_forward`\./);
    assert.match(fieldDocAt(object, [...sysctls, 0, 'name'])!, /not in the safe set.*route packets between networks/);
    assert.match(fieldDocAt(object, [...sysctls, 1, 'name'])!, /in Kubernetes' safe set/);
  });

  it('explains dnsPolicy values and public nameservers', () => {
    const object = objectOf(deployment('{dnsPolicy: Default, dnsConfig: {nameservers: [8.8.8.8, 10.0.0.10]}, containers: [{name: a}]}'));
    assert.match(fieldDocAt(object, [...POD_SPEC, 'dnsPolicy'])!, /inherits the node's resolvers: Service names do not resolve/);
    assert.match(fieldDocAt(object, [...POD_SPEC, 'dnsConfig', 'nameservers', 0])!, /`8\.8\.8\.8` is a public resolver/);
    assert.match(fieldDocAt(object, [...POD_SPEC, 'dnsConfig', 'nameservers', 1])!, /not a public address/);
  });

  it('tells Service types apart: LoadBalancer reaches beyond the cluster, ClusterIP stays inside', () => {
    const service = (type: string) => objectOf(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {type: ${type}, selector: {app: web}, loadBalancerSourceRanges: [0.0.0.0/0], externalTrafficPolicy: Cluster}
    `);
    const loadBalancer = fieldDocAt(service('LoadBalancer'), ['spec', 'type'])!;
    const clusterIp = fieldDocAt(service('ClusterIP'), ['spec', 'type'])!;
    assert.match(loadBalancer, /`type: LoadBalancer`/);
    assert.match(loadBalancer, /cloud load balancer, usually with a public address/);
    assert.match(clusterIp, /Only inside the cluster/);
    assert.doesNotMatch(clusterIp, /load balancer/);
    assert.match(fieldDocAt(service('LoadBalancer'), ['spec', 'loadBalancerSourceRanges'])!, /admits the whole internet/);
    assert.match(fieldDocAt(service('LoadBalancer'), ['spec', 'loadBalancerSourceRanges', 0])!, /every IPv4 address/);
    assert.match(fieldDocAt(service('LoadBalancer'), ['spec', 'externalTrafficPolicy'])!, /see a node's address, not the client's/);
  });

  it('explains PeerAuthentication modes, PERMISSIVE as accepting plaintext, and DestinationRule TLS modes', () => {
    const peerAuthentication = (mode: string) => objectOf(yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: shop}
      spec: {mtls: {mode: ${mode}}, selector: {matchLabels: {app: web}}, portLevelMtls: {"8080": {mode: DISABLE}}}
    `);
    const permissive = fieldDocAt(peerAuthentication('PERMISSIVE'), ['spec', 'mtls', 'mode'])!;
    assert.match(permissive, /`mode: PERMISSIVE`/);
    assert.match(permissive, /Both mutual TLS and plaintext are accepted/);
    assert.match(fieldDocAt(peerAuthentication('STRICT'), ['spec', 'mtls', 'mode'])!, /plaintext clients are refused/);
    assert.match(fieldDocAt(peerAuthentication('STRICT'), ['spec', 'portLevelMtls', '8080', 'mode'])!, /Plaintext only/);
    const destinationRule = objectOf(yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: legacy}
      spec: {host: legacy.shop.svc.cluster.local, trafficPolicy: {portLevelSettings: [{port: {number: 80}, tls: {mode: DISABLE}}]}}
    `);
    assert.match(fieldDocAt(destinationRule, ['spec', 'trafficPolicy', 'portLevelSettings', 0, 'tls', 'mode'])!, /Plaintext, overriding Istio's automatic mutual TLS/);
  });

  it('documents every part of a NetworkPolicy, values included', () => {
    const policy = objectOf(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend-egress, namespace: default}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: {cidr: 10.0.0.0/8, except: [169.254.169.254/32]}
              - namespaceSelector: {matchExpressions: [{key: team, operator: NotIn, values: [ops]}]}
            ports: [{port: 8000, endPort: 9000}, {port: dns, protocol: UDP}]
    `);
    const rule = ['spec', 'egress', 0];
    const expectations: [readonly (string | number)[], RegExp][] = [
      [['spec', 'podSelector'], /Empty: every pod of the namespace/],
      [['spec', 'policyTypes'], /does not restrict ingress/],
      [['spec', 'policyTypes', 0], /may open only the connections an egress rule .* allows, DNS included/],
      [['spec', 'egress'], /1 rule: what it does not allow is denied/],
      [[...rule, 'to'], /destinations this rule allows/],
      [[...rule, 'to', 0, 'ipBlock'], /`cidr` minus the `except` ranges/],
      [[...rule, 'to', 0, 'ipBlock', 'cidr'], /private range \(16,777,216 addresses\)/],
      [[...rule, 'to', 0, 'ipBlock', 'except', 0], /cloud metadata endpoint/],
      [[...rule, 'to', 1, 'namespaceSelector'], /`kubernetes\.io\/metadata\.name` selects a namespace by name/],
      [[...rule, 'to', 1, 'namespaceSelector', 'matchExpressions', 0, 'operator'], /pods without the key match too/],
      [[...rule, 'ports'], /needs a matching peer and a matching port/],
      [[...rule, 'ports', 0, 'port'], /Port 8000; with `endPort`/],
      [[...rule, 'ports', 0, 'endPort'], /Up to port 9000/],
      [[...rule, 'ports', 1, 'port'], /Named port `dns`: a destination pod without a container port of that name/],
      [[...rule, 'ports', 1, 'protocol'], /DNS queries need UDP port 53/],
    ];
    for (const [path, expected] of expectations) assert.match(fieldDocAt(policy, path) ?? '(none)', expected, path.join('.'));
    const ingressOnly = objectOf(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web}
      spec: {podSelector: {}, policyTypes: [Ingress], ingress: [], egress: [{}]}
    `);
    assert.match(fieldDocAt(ingressOnly, ['spec', 'ingress'])!, /No rules: every incoming connection is denied/);
    assert.match(fieldDocAt(ingressOnly, ['spec', 'egress'])!, /Ignored: `policyTypes` leaves Egress out/);
    assert.match(fieldDocAt(ingressOnly, ['spec', 'egress', 0])!, /Empty: it allows every connection/);
  });

  it('explains ingress-nginx annotations and TLS', () => {
    const ingress = objectOf(yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        annotations:
          nginx.ingress.kubernetes.io/ssl-redirect: "false"
          nginx.ingress.kubernetes.io/whitelist-source-range: "10.0.0.0/8, 0.0.0.0/0"
          nginx.ingress.kubernetes.io/configuration-snippet: |
            more_set_headers "X-Frame-Options: DENY";
      spec:
        tls: [{hosts: [shop.example.com], secretName: shop-tls}]
        rules: [{host: "*.example.com"}]
    `);
    const annotation = (name: string) => ['metadata', 'annotations', `nginx.ingress.kubernetes.io/${name}`];
    assert.match(fieldDocAt(ingress, annotation('ssl-redirect'))!, /Plain HTTP requests are served as they are/);
    assert.match(fieldDocAt(ingress, annotation('whitelist-source-range'))!, /includes every address: the list restricts nothing/);
    const snippet = fieldDocAt(ingress, annotation('configuration-snippet'))!;
    assert.match(snippet, /^\*\*`nginx\.ingress\.kubernetes\.io\/configuration-snippet`\*\*/, 'a multi-line value stays out of the heading');
    assert.match(snippet, /CVE-2021-25742/);
    assert.match(fieldDocAt(ingress, ['spec', 'tls'])!, /Hosts not listed here are served in plain HTTP/);
    assert.match(fieldDocAt(ingress, ['spec', 'rules', 0, 'host'])!, /every single-label name under `example\.com`/);
  });

  it('explains mesh injection where the injector reads it (and says when it has no effect), and Pod Security levels', () => {
    const object = objectOf(deployment('{containers: [{name: a}]}'));
    assert.match(fieldDocAt(object, ['spec', 'template', 'metadata', 'labels', 'sidecar.istio.io/inject'])!, /No sidecar for this pod: it sends and receives plaintext/);
    assert.match(fieldDocAt(object, ['metadata', 'annotations', 'sidecar.istio.io/inject'])!, /No effect here: the injector reads the pod template's metadata/);
    const namespace = objectOf(yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio-injection: disabled, pod-security.kubernetes.io/enforce: baseline}, annotations: {linkerd.io/inject: enabled}}
    `);
    assert.match(fieldDocAt(namespace, ['metadata', 'labels', 'pod-security.kubernetes.io/enforce'])!, /Refuses host networking/);
    assert.match(fieldDocAt(namespace, ['metadata', 'labels', 'istio-injection'])!, /No sidecars here/);
    assert.match(fieldDocAt(namespace, ['metadata', 'annotations', 'linkerd.io/inject'])!, /Linkerd proxy is injected/);
  });

  it('has nothing to say about fields that are not about the network, or about other kinds', () => {
    const object = objectOf(deployment('{containers: [{name: a, image: nginx}]}'));
    assert.equal(fieldDocAt(object, [...CONTAINER, 'image']), undefined);
    assert.equal(fieldDocAt(object, ['spec', 'replicas']), undefined);
    const configMap = objectOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {type: LoadBalancer}\n');
    assert.equal(fieldDocAt(configMap, ['data', 'type']), undefined);
  });

  it('keeps every text concise', () => {
    for (const doc of FIELD_DOCS) {
      const sentences = doc.text.split(/(?<=[.!?])\s+(?=[A-Z`])/).length;
      assert.ok(sentences <= 2 && doc.text.length <= 220, `${doc.path.join('.')}: ${doc.text}`);
    }
  });
});
