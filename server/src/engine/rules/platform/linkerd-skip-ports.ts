import { metadataValue } from '../../workloads/pod-metadata';
import type { ObjectRule } from '../rule';
import { annotationSitesOf, describeList } from './annotation-sites';

const SKIPS = [
  {
    key: 'config.linkerd.io/skip-inbound-ports',
    consequence: (ports: string, affected: string) =>
      `inbound connections to port(s) ${ports} of ${affected} bypass the Linkerd proxy: the mesh does not encrypt them with mTLS and Linkerd authorization policies (Server, AuthorizationPolicy) do not apply to them.`,
  },
  {
    key: 'config.linkerd.io/skip-outbound-ports',
    consequence: (ports: string, affected: string) =>
      `outbound connections from ${affected} to port(s) ${ports} bypass the Linkerd proxy: the mesh does not encrypt them with mTLS, even to meshed services.`,
  },
] as const;

export const linkerdSkipPorts: ObjectRule = {
  id: 'linkerd-skip-ports',
  title: 'Linkerd proxy bypassed on some ports',
  severity: 'warning',
  category: 'service-mesh',
  scope: 'object',
  explanation:
    '`config.linkerd.io/skip-inbound-ports` and `config.linkerd.io/skip-outbound-ports` make the proxy-init iptables ' +
    'rules send traffic on the listed ports around the Linkerd proxy. That traffic is plaintext, carries no mesh ' +
    'identity, and Linkerd policy does not see it: a Server with a restrictive AuthorizationPolicy does not protect a ' +
    'skipped inbound port, so anything that can reach the pod can connect to it. Set on a Namespace, the annotations ' +
    'apply to every pod injected there.',
  remediation:
    'Remove the skip annotations. For protocols the proxy cannot detect (server-speaks-first protocols such as MySQL ' +
    'or SMTP), mark the ports opaque with `config.linkerd.io/opaque-ports` instead: opaque traffic still gets mTLS ' +
    'and policy. Skip only ports that must not be proxied, and restrict them with a NetworkPolicy.',
  references: [
    'https://linkerd.io/2-edge/features/protocol-detection/',
    'https://linkerd.io/2-edge/reference/proxy-configuration/',
    'https://linkerd.io/2-edge/features/server-policy/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-db
  namespace: shop
spec:
  selector:
    matchLabels: {app: orders-db}
  template:
    metadata:
      labels: {app: orders-db}
      annotations:
        linkerd.io/inject: enabled
        config.linkerd.io/skip-inbound-ports: "3306"
    spec:
      containers:
        - name: mysql
          image: mysql:8.4
          ports:
            - containerPort: 3306
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-db
  namespace: shop
spec:
  selector:
    matchLabels: {app: orders-db}
  template:
    metadata:
      labels: {app: orders-db}
      annotations:
        linkerd.io/inject: enabled
        config.linkerd.io/opaque-ports: "3306"
    spec:
      containers:
        - name: mysql
          image: mysql:8.4
          ports:
            - containerPort: 3306
`,
  },
  *check(object) {
    for (const site of annotationSitesOf(object, { namespaces: true })) {
      for (const { key, consequence } of SKIPS) {
        const value = metadataValue(site.annotations, key);
        const ports = value === undefined ? undefined : describeList(value);
        if (!ports) continue;
        yield {
          message: `Annotation ${key}: ${consequence(ports, site.affected)}`,
          range: object.rangeOf([...site.path, key]),
        };
      }
    }
  },
};
