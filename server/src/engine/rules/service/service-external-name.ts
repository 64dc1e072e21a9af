import type { ObjectRule } from '../rule';
import { parseAddress } from '../../net/cidr';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';

export const serviceExternalName: ObjectRule = {
  id: 'service-external-name',
  title: 'Service redirects its in-cluster name to another host',
  severity: 'info',
  category: 'service',
  scope: 'object',
  explanation:
    'An `ExternalName` Service makes cluster DNS answer its name with a CNAME to `spec.externalName`. Clients that ' +
    'trust in-cluster names are sent to whatever host that is, with no proxy, policy or TLS name check on the way. ' +
    'Ingress controllers and gateways that accept ExternalName backends will proxy to it too, so a namespace user can ' +
    'point them at internal addresses (the cloud metadata service, localhost, the API server) that they could not ' +
    'reach themselves. Often intentional (aliasing an external database), hence informational.',
  remediation:
    'Prefer calling the external host by its real name, or a selector-less Service with an EndpointSlice you control. ' +
    'Keep ExternalName targets to names you own, and disallow ExternalName backends in ingress controllers that do ' +
    'not need them.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/service/#externalname',
    'https://github.com/kubernetes/kubernetes/issues/103675',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: billing-db
spec:
  type: ExternalName
  externalName: db.partner.example.net
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: billing-db
spec:
  ports:
    - port: 5432
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: billing-db-1
  labels:
    kubernetes.io/service-name: billing-db
addressType: IPv4
ports:
  - port: 5432
endpoints:
  - addresses: [10.20.0.15]
`,
  },
  *check(object) {
    const spec = serviceSpecOf(object);
    if (!spec || serviceTypeOf(spec) !== 'ExternalName') return;
    const name = object.name ?? '(unnamed)';
    const target = typeof spec.externalName === 'string' && spec.externalName.trim() !== '' ? spec.externalName.trim() : undefined;
    yield {
      message: target
        ? `Service "${name}" resolves to ${target}${describeTarget(target)}: in-cluster clients and proxies using this name are sent there.`
        : `Service "${name}" is an ExternalName Service: in-cluster clients and proxies using this name are sent to another host.`,
      range: object.rangeOf(['spec', 'type']),
    };
  },
};

/** Targets that point back inside: the kind of redirect used for SSRF through proxies. */
function describeTarget(target: string): string {
  const host = target.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return ' (the loopback interface of whoever resolves it)';
  if (host === 'metadata.google.internal') return ' (the cloud metadata service)';
  if (host === 'kubernetes.default' || host.startsWith('kubernetes.default.')) return ' (the Kubernetes API server)';
  const address = parseAddress(host);
  if (address) {
    // Kubernetes treats an IP here as a DNS name made of digits; resolvers refuse it, but some proxies dial it.
    if (address.toString() === '169.254.169.254') return ' (the cloud metadata address)';
    return ' (an IP address, which some proxies dial directly)';
  }
  return '';
}
