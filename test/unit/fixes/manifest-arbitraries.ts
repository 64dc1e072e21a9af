import fc from 'fast-check';
import type { YamlValue } from './styled-yaml';

/**
 * fast-check arbitraries for the Kubernetes objects the rules look at, with the insecure settings
 * (host network and ports, capabilities, sysctls, open Services, NetworkPolicies with open or
 * metadata-reaching ipBlocks, permissive Istio, Ingresses without TLS) mixed with safe ones.
 */
type YamlMap = { [key: string]: YamlValue };

/** Drops the entries left undefined by optional parts. */
function compact(map: Record<string, YamlValue | undefined>): YamlMap {
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== undefined)) as YamlMap;
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const namespace = optional(fc.constantFrom('shop', 'payments', 'default'));
const name = fc.constantFrom('web', 'api', 'agent', 'backup', 'edge');
const labels = fc.constantFrom<YamlMap>({ app: 'web' }, { app: 'api', tier: 'backend' }, { 'app.kubernetes.io/name': 'agent' });

function metadata(extra: fc.Arbitrary<YamlMap | undefined> = fc.constant(undefined)): fc.Arbitrary<YamlMap> {
  return fc.record({ name, namespace, annotations: extra }).map(compact);
}

const containerPort = fc.record({ containerPort: fc.constantFrom(80, 443, 8080, 22, 9100), hostPort: optional(fc.constantFrom(80, 8080, 30022)), protocol: optional(fc.constantFrom('TCP', 'UDP')) }).map(compact);

const capabilities = fc
  .record({ add: optional(fc.subarray(['NET_ADMIN', 'NET_RAW', 'SYS_ADMIN', 'CHOWN'], { minLength: 1 })), drop: optional(fc.subarray(['ALL', 'NET_RAW', 'MKNOD'], { minLength: 1 })) })
  .map(compact);

// null stands for an entry written without a value (`securityContext:`), which fixes fill in.
const containerSecurity = fc.oneof(
  fc.record({ privileged: optional(fc.boolean()), allowPrivilegeEscalation: optional(fc.boolean()), capabilities: optional(fc.oneof(capabilities, fc.constant(null))) }).map(compact),
  fc.constant(null),
);

const container = fc
  .record({
    name: fc.constantFrom('main', 'sidecar', 'shell'),
    image: fc.constantFrom('nginx:1.27', 'busybox:1.36', 'ghcr.io/acme/agent@sha256:0123abcd'),
    ports: optional(fc.array(containerPort, { minLength: 1, maxLength: 2 })),
    securityContext: optional(containerSecurity),
  })
  .map(compact);

const sysctl = fc.record({ name: fc.constantFrom('net.ipv4.ip_forward', 'net.ipv4.conf.all.route_localnet', 'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range'), value: fc.constantFrom('1', '0', '1024 65535') });

const podSpec = fc
  .record({
    hostNetwork: optional(fc.boolean()),
    hostPID: optional(fc.boolean()),
    dnsPolicy: optional(fc.constantFrom('ClusterFirst', 'None', 'ClusterFirstWithHostNet')),
    dnsConfig: optional(fc.record({ nameservers: fc.subarray(['8.8.8.8', '1.1.1.1', '10.96.0.10'], { minLength: 1 }) })),
    securityContext: optional(fc.record({ runAsNonRoot: optional(fc.boolean()), sysctls: optional(fc.array(sysctl, { minLength: 1, maxLength: 2 })) }).map(compact)),
    containers: fc.uniqueArray(container, { minLength: 1, maxLength: 2, selector: (item) => item.name }),
  })
  .map(compact);

const template = fc.record({ metadata: labels.map((value) => ({ labels: value }) as YamlMap), spec: podSpec });

const workload: fc.Arbitrary<YamlMap> = fc.oneof(
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata: metadata(), spec: podSpec }),
  fc.record({ apiVersion: fc.constant('apps/v1'), kind: fc.constantFrom('Deployment', 'DaemonSet'), metadata: metadata(), spec: labels.chain((matchLabels) => template.map((tpl) => ({ selector: { matchLabels }, template: { ...tpl, metadata: { labels: matchLabels } } }) as YamlMap)) }),
  fc.record({ apiVersion: fc.constant('batch/v1'), kind: fc.constant('CronJob'), metadata: metadata(), spec: template.map((tpl) => ({ schedule: '0 3 * * *', jobTemplate: { spec: { template: tpl } } }) as YamlMap) }),
);

const service: fc.Arbitrary<YamlMap> = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('Service'),
  metadata: metadata(optional(fc.constantFrom<YamlMap>({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'false' }))),
  spec: fc
    .record({
      type: optional(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName')),
      externalName: optional(fc.constantFrom('db.example.com', '169.254.169.254')),
      selector: optional(labels),
      ports: optional(fc.array(fc.record({ port: fc.constantFrom(80, 443, 22), targetPort: optional(fc.constantFrom(8080, 'http')), nodePort: optional(fc.constantFrom(30080, 30022)) }).map(compact), { minLength: 1, maxLength: 2 })),
      externalIPs: optional(fc.subarray(['203.0.113.10', '198.51.100.7'], { minLength: 1 })),
      loadBalancerSourceRanges: optional(fc.subarray(['0.0.0.0/0', '10.0.0.0/8', '::/0'], { minLength: 1 })),
      externalTrafficPolicy: optional(fc.constantFrom('Cluster', 'Local')),
    })
    .map(compact),
});

const cidr = fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '169.254.169.254/32', '192.168.0.0/16', '203.0.113.0/24', '::/0');
const ipBlock = fc.record({ cidr, except: optional(fc.subarray(['10.0.0.0/8', '169.254.169.254/32', '172.16.0.0/12'], { minLength: 1 })) }).map(compact);
const peer: fc.Arbitrary<YamlMap> = fc.oneof(
  ipBlock.map((block) => ({ ipBlock: block })),
  fc.constant<YamlMap>({ namespaceSelector: {} }),
  labels.map((matchLabels) => ({ podSelector: { matchLabels } }) as YamlMap),
  fc.constant<YamlMap>({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }),
);
const policyPorts = optional(fc.array(fc.record({ protocol: optional(fc.constantFrom('TCP', 'UDP')), port: optional(fc.constantFrom(53, 443, 'http', 8080)) }).map(compact), { minLength: 1, maxLength: 2 }));
const policyRule = (direction: 'from' | 'to') => fc.record({ [direction]: optional(fc.array(peer, { minLength: 1, maxLength: 2 })), ports: policyPorts }).map(compact);

const networkPolicy: fc.Arbitrary<YamlMap> = fc.record({
  apiVersion: fc.constant('networking.k8s.io/v1'),
  kind: fc.constant('NetworkPolicy'),
  metadata: metadata(),
  spec: fc
    .record({
      podSelector: fc.oneof(fc.constant<YamlMap>({}), labels.map((matchLabels) => ({ matchLabels }) as YamlMap)),
      policyTypes: optional(fc.subarray(['Ingress', 'Egress'], { minLength: 1 })),
      ingress: optional(fc.array(policyRule('from'), { maxLength: 2 })),
      egress: optional(fc.array(policyRule('to'), { maxLength: 2 })),
    })
    .map(compact),
});

const istio: fc.Arbitrary<YamlMap> = fc.oneof(
  fc.record({ apiVersion: fc.constant('security.istio.io/v1'), kind: fc.constant('PeerAuthentication'), metadata: metadata(), spec: fc.record({ mtls: fc.record({ mode: fc.constantFrom('PERMISSIVE', 'STRICT', 'DISABLE', 'UNSET') }), selector: optional(labels.map((matchLabels) => ({ matchLabels }) as YamlMap)) }).map(compact) }),
  fc.record({
    apiVersion: fc.constant('networking.istio.io/v1'),
    kind: fc.constant('DestinationRule'),
    metadata: metadata(),
    spec: fc.record({ host: fc.constantFrom('web.shop.svc.cluster.local', '*.local'), trafficPolicy: fc.record({ tls: fc.record({ mode: fc.constantFrom('DISABLE', 'ISTIO_MUTUAL', 'SIMPLE', 'MUTUAL') }) }) }),
  }),
);

const ingressAnnotations = optional(
  fc
    .record({
      'nginx.ingress.kubernetes.io/ssl-redirect': optional(fc.constantFrom('false', 'true')),
      'nginx.ingress.kubernetes.io/whitelist-source-range': optional(fc.constantFrom('0.0.0.0/0', '10.0.0.0/8')),
      'nginx.ingress.kubernetes.io/configuration-snippet': optional(fc.constantFrom('more_set_headers "X-Debug: 1";', 'more_set_headers "X-Debug: 1";\nproxy_set_header X-Real-IP $remote_addr;\n')),
      'nginx.ingress.kubernetes.io/backend-protocol': optional(fc.constantFrom('HTTPS', 'HTTP')),
    })
    .map(compact),
);

const ingress: fc.Arbitrary<YamlMap> = fc.record({
  apiVersion: fc.constant('networking.k8s.io/v1'),
  kind: fc.constant('Ingress'),
  metadata: metadata(ingressAnnotations),
  spec: fc.constantFrom('shop.example.com', '*.example.com').chain((host) =>
    fc
      .record({
        ingressClassName: optional(fc.constant('nginx')),
        tls: optional(fc.constant<YamlValue>([{ hosts: [host], secretName: 'shop-tls' }])),
        rules: fc.constant<YamlValue>([{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }]),
      })
      .map(compact),
  ),
});

/** An object some rule may report on. */
export const targetObject: fc.Arbitrary<YamlMap> = fc.oneof(workload, workload, service, networkPolicy, networkPolicy, istio, ingress);

/** Documents around the targets: harmless objects, or comment-only documents (null). */
export const fillerDocument: fc.Arbitrary<YamlMap | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('ConfigMap'),
    metadata: metadata(),
    data: fc.constantFrom<YamlValue>({ 'app.conf': 'server {\n  listen 80;\n}\n' }, { empty: '', url: 'http://example.com:8080/x?y=1', note: 'a: b # not a comment' }),
  }),
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Namespace'), metadata: fc.record({ name: fc.constantFrom('shop', 'payments') }) }),
);
