import { metadataValue } from '../../workloads/pod-metadata';
import type { ObjectRule } from '../rule';
import { annotationSitesOf, describeList } from './annotation-sites';

const PREFIX = 'traffic.sidecar.istio.io/';
const INBOUND = 'unprotected by PeerAuthentication and AuthorizationPolicy';
const OUTBOUND = "without mesh mTLS (even to meshed services) and outside the mesh's egress controls";

/**
 * The interception annotations of the Istio sidecar (read from pod annotations only). The include*
 * forms bypass the sidecar for everything they leave out, unless they are "*" (the default).
 */
const BYPASSES = [
  { key: 'excludeInboundPorts', describe: (list?: string) => `inbound traffic to port(s) ${list} bypasses the sidecar, ${INBOUND}.` },
  {
    key: 'includeInboundPorts',
    describe: (list?: string) =>
      list ? `only inbound traffic to port(s) ${list} goes through the sidecar: other ports bypass it, ${INBOUND}.` : `no inbound traffic goes through the sidecar: it all bypasses it, ${INBOUND}.`,
  },
  { key: 'excludeOutboundPorts', describe: (list?: string) => `outbound traffic to port(s) ${list} bypasses the sidecar, ${OUTBOUND}.` },
  { key: 'excludeOutboundIPRanges', describe: (list?: string) => `outbound traffic to ${list} bypasses the sidecar, ${OUTBOUND}.` },
  {
    key: 'includeOutboundIPRanges',
    describe: (list?: string) =>
      list ? `only outbound traffic to ${list} goes through the sidecar: traffic to other addresses bypasses it, ${OUTBOUND}.` : `no outbound traffic goes through the sidecar: it all bypasses it, ${OUTBOUND}.`,
  },
] as const;

export const istioSidecarBypass: ObjectRule = {
  id: 'istio-sidecar-bypass',
  title: 'Istio sidecar bypassed for some ports or addresses',
  severity: 'warning',
  category: 'service-mesh',
  scope: 'object',
  explanation:
    'The `traffic.sidecar.istio.io/*` pod annotations change the iptables rules that send traffic through the Istio ' +
    'sidecar. Excluded inbound ports (or ports left out of `includeInboundPorts`) are reached directly, so STRICT ' +
    'mTLS and AuthorizationPolicies do not protect them; excluded outbound ports and address ranges (or addresses ' +
    'left out of `includeOutboundIPRanges`) leave without mTLS and outside egress controls such as ' +
    '`REGISTRY_ONLY` and egress gateways. The pod looks meshed while part of its traffic is not.',
  remediation:
    'Remove the annotations so all traffic goes through the sidecar. If a port or range must bypass it (a ' +
    'node-local agent, a cloud metadata endpoint), keep the list as small as possible and restrict that traffic with ' +
    'a NetworkPolicy, since mesh policies do not apply to it.',
  references: [
    'https://istio.io/latest/docs/reference/config/annotations/',
    'https://istio.io/latest/docs/ops/best-practices/security/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: finance
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
      annotations:
        traffic.sidecar.istio.io/excludeInboundPorts: "8080"
    spec:
      containers:
        - name: ledger
          image: registry.example.com/ledger:1.9
          ports:
            - containerPort: 8080
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: finance
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers:
        - name: ledger
          image: registry.example.com/ledger:1.9
          ports:
            - containerPort: 8080
`,
  },
  *check(object) {
    for (const site of annotationSitesOf(object, { namespaces: false })) {
      for (const { key, describe } of BYPASSES) {
        const value = metadataValue(site.annotations, PREFIX + key);
        if (value === undefined) continue;
        const list = describeList(value);
        const includes = key.startsWith('include');
        // An exclusion list that is empty excludes nothing; an inclusion of "*" includes everything.
        if (includes ? value.trim() === '*' : list === undefined) continue;
        yield {
          message: `Annotation ${PREFIX}${key}: ${describe(list)}`,
          range: object.rangeOf([...site.path, PREFIX + key]),
        };
      }
    }
  },
};
