import type { ObjectRule } from '../rule';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';
import { objectFix } from '../../fixes/object-fix';
import { allEdits } from './all-edits';

export const serviceExternalIps: ObjectRule = {
  id: 'service-external-ips',
  title: 'Service claims external IP addresses',
  severity: 'warning',
  category: 'service',
  scope: 'object',
  explanation:
    'kube-proxy routes traffic for every address in `spec.externalIPs` to the Service, on every node, without ' +
    'checking that the address belongs to the cluster. Anyone allowed to create or update a Service can therefore ' +
    "claim another system's address (a DNS server, a database, an external API) and intercept the cluster's traffic " +
    'to it: this is CVE-2020-8554, which was never patched in Kubernetes itself and must be blocked by admission ' +
    'control.',
  remediation:
    'Remove `externalIPs` and expose the Service with a `LoadBalancer` (the cloud or MetalLB assigns and owns the ' +
    'address) or an Ingress/Gateway. Block the field cluster-wide with the `DenyServiceExternalIPs` admission ' +
    'plugin or a policy that allows only vetted addresses.',
  references: [
    'https://github.com/kubernetes/kubernetes/issues/97076',
    'https://nvd.nist.gov/vuln/detail/CVE-2020-8554',
    'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
    'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: dns-cache
spec:
  selector: {app: dns-cache}
  externalIPs:
    - 8.8.8.8
  ports:
    - port: 53
      protocol: UDP
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: dns-cache
spec:
  selector: {app: dns-cache}
  ports:
    - port: 53
      protocol: UDP
`,
  },
  *check(object) {
    const spec = serviceSpecOf(object);
    if (!spec || !Array.isArray(spec.externalIPs)) return;
    const name = object.name ?? '(unnamed)';
    // One finding per address: each is a separate address whose traffic the Service captures.
    for (const [index, address] of spec.externalIPs.entries()) {
      if (typeof address !== 'string' || address.trim() === '') continue;
      yield {
        path: ['spec', 'externalIPs'],
        message: `Service "${name}" captures cluster traffic to ${address.trim()} on every node; whoever can edit Services can claim any address this way (CVE-2020-8554).`,
        range: object.rangeOf(['spec', 'externalIPs', index], 'value'),
      };
    }
  },
  *fixes(input) {
    const spec = input.object && serviceSpecOf(input.object);
    const path = input.report.path;
    if (!spec || !path) return;
    // Without externalIPs a ClusterIP Service is internal, and the API server then rejects externalTrafficPolicy.
    const dropPolicy = serviceTypeOf(spec) === 'ClusterIP' && spec.externalTrafficPolicy !== undefined;
    yield* objectFix(input, 'Remove externalIPs', (editor) => allEdits([editor.remove(path), dropPolicy ? editor.remove(['spec', 'externalTrafficPolicy']) : []]), { preferred: true });
  },
};
