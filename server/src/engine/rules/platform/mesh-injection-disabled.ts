import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { metadataValue, podMetadataOf } from '../../workloads/pod-metadata';
import { podSpecOf } from '../../workloads/pod-spec';
import type { ObjectRule, Report } from '../rule';

const ISTIO_INJECT = 'sidecar.istio.io/inject';
const ISTIO_NAMESPACE_INJECTION = 'istio-injection';
const ISTIO_DATAPLANE_MODE = 'istio.io/dataplane-mode';
const LINKERD_INJECT = 'linkerd.io/inject';

// Istio's injector injects on these values only; any other non-empty value opts the pod out.
const ISTIO_TRUE_VALUES = new Set(['y', 'yes', 'true', 'on']);

const ISTIO_BYPASS = 'bypasses mesh mTLS and Istio authorization policies';
const LINKERD_BYPASS = 'bypasses mesh mTLS and Linkerd authorization policies';

export const meshInjectionDisabled: ObjectRule = {
  id: 'mesh-injection-disabled',
  title: 'Pods or namespace opted out of the service mesh',
  severity: 'info',
  category: 'service-mesh',
  scope: 'object',
  explanation:
    'A service mesh protects traffic only for pods that run its proxy. `sidecar.istio.io/inject: "false"` (a pod ' +
    'label or annotation), `istio.io/dataplane-mode: none`, the namespace label `istio-injection: disabled` and ' +
    '`linkerd.io/inject: disabled` keep the proxy out: these pods send and receive plaintext, have no mesh identity, ' +
    "and the mesh's authorization policies do not protect them. Meshed services that still accept them must allow " +
    'plaintext (PERMISSIVE), which weakens them too. Opting out is sometimes deliberate (system namespaces, jobs), ' +
    'so this is reported as information.',
  remediation:
    'Remove the opt-out so the pods join the mesh. When a workload cannot run a proxy, keep it out deliberately, ' +
    'document why, and restrict what it can reach with NetworkPolicies, since mesh policies do not apply to it.',
  references: [
    'https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#controlling-the-injection-policy',
    'https://istio.io/latest/docs/ambient/usage/add-workloads/',
    'https://linkerd.io/2-edge/features/proxy-injection/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
  namespace: shop
spec:
  selector:
    matchLabels: {app: billing}
  template:
    metadata:
      labels:
        app: billing
        sidecar.istio.io/inject: "false"
    spec:
      containers:
        - name: billing
          image: registry.example.com/billing:2.3
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
  namespace: shop
spec:
  selector:
    matchLabels: {app: billing}
  template:
    metadata:
      labels:
        app: billing
    spec:
      containers:
        - name: billing
          image: registry.example.com/billing:2.3
`,
  },
  *check(object) {
    if (object.kind === 'Namespace' && (object.apiGroup === undefined || object.apiGroup === '')) {
      yield* namespaceOptOuts(object);
      return;
    }
    const metadata = podMetadataOf(object);
    // Neither mesh injects into host-network pods, so an opt-out there changes nothing.
    if (!metadata || podSpecOf(object)?.spec.hostNetwork === true) return;
    const { path, labels, annotations } = metadata;
    // Istio reads the label first and the annotation only when the label is absent.
    const istioLabel = metadataValue(labels, ISTIO_INJECT);
    const istioAnnotation = metadataValue(annotations, ISTIO_INJECT);
    if (istioLabel !== undefined) {
      if (istioOptsOut(istioLabel)) yield optOut(object, [...path, 'labels', ISTIO_INJECT], `Label ${ISTIO_INJECT}: "${istioLabel}" keeps the Istio sidecar out of these pods: their traffic ${ISTIO_BYPASS}.`);
    } else if (istioAnnotation !== undefined && istioOptsOut(istioAnnotation)) {
      yield optOut(object, [...path, 'annotations', ISTIO_INJECT], `Annotation ${ISTIO_INJECT}: "${istioAnnotation}" keeps the Istio sidecar out of these pods: their traffic ${ISTIO_BYPASS}.`);
    }
    if (metadataValue(labels, ISTIO_DATAPLANE_MODE)?.toLowerCase() === 'none') {
      yield optOut(object, [...path, 'labels', ISTIO_DATAPLANE_MODE], `Label ${ISTIO_DATAPLANE_MODE}: none removes these pods from the Istio ambient mesh: their traffic ${ISTIO_BYPASS}.`);
    }
    if (linkerdOptsOut(annotations)) {
      yield optOut(object, [...path, 'annotations', LINKERD_INJECT], `Annotation ${LINKERD_INJECT}: disabled keeps the Linkerd proxy out of these pods: their traffic ${LINKERD_BYPASS}.`);
    }
  },
};

function* namespaceOptOuts(namespace: KubeObject): Iterable<Report> {
  const name = namespace.name ? `namespace "${namespace.name}"` : 'this namespace';
  const labels = namespace.get(['metadata', 'labels']);
  const annotations = namespace.get(['metadata', 'annotations']);
  const labelMap = isPlainObject(labels) ? labels : {};
  if (metadataValue(labelMap, ISTIO_NAMESPACE_INJECTION)?.toLowerCase() === 'disabled') {
    yield optOut(namespace, ['metadata', 'labels', ISTIO_NAMESPACE_INJECTION], `Label ${ISTIO_NAMESPACE_INJECTION}: disabled keeps Istio sidecars out of every pod in ${name}: their traffic ${ISTIO_BYPASS}.`);
  }
  if (metadataValue(labelMap, ISTIO_DATAPLANE_MODE)?.toLowerCase() === 'none') {
    yield optOut(namespace, ['metadata', 'labels', ISTIO_DATAPLANE_MODE], `Label ${ISTIO_DATAPLANE_MODE}: none keeps every pod in ${name} out of the Istio ambient mesh: their traffic ${ISTIO_BYPASS}.`);
  }
  if (linkerdOptsOut(isPlainObject(annotations) ? annotations : {})) {
    yield optOut(namespace, ['metadata', 'annotations', LINKERD_INJECT], `Annotation ${LINKERD_INJECT}: disabled keeps the Linkerd proxy out of every pod in ${name}: their traffic ${LINKERD_BYPASS}.`);
  }
}

function istioOptsOut(value: string): boolean {
  return value !== '' && !ISTIO_TRUE_VALUES.has(value.toLowerCase());
}

function linkerdOptsOut(annotations: PlainObject): boolean {
  return metadataValue(annotations, LINKERD_INJECT)?.trim().toLowerCase() === 'disabled';
}

function optOut(object: KubeObject, path: ObjectPath, message: string): Report {
  return { message, range: object.rangeOf(path) };
}
