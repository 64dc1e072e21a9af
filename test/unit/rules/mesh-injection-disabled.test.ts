import { meshInjectionDisabled } from '../../../server/src/engine/rules/platform/mesh-injection-disabled';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(meshInjectionDisabled, {
  valid: [
    {
      name: 'injection enabled on the pod template and the namespace',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {istio-injection: enabled}
          annotations: {linkerd.io/inject: enabled}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata:
              labels: {app: web, sidecar.istio.io/inject: "true"}
              annotations: {linkerd.io/inject: enabled}
            spec:
              containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'the Istio label wins over a "false" annotation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {sidecar.istio.io/inject: "true"}
          annotations: {sidecar.istio.io/inject: "false"}
        spec:
          containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: "an opt-out on the Deployment's own metadata does not reach its pods",
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {sidecar.istio.io/inject: "false", linkerd.io/inject: disabled}
          labels: {sidecar.istio.io/inject: "false"}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'host-network pods are never injected, so the opt-out changes nothing',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-agent}
        spec:
          template:
            metadata:
              annotations: {sidecar.istio.io/inject: "false"}
            spec:
              hostNetwork: true
              containers: [{name: agent, image: agent}]
      `,
    },
    {
      name: 'look-alikes: a ConfigMap, a CRD called Namespace, an empty value, other label values',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: kiali
          labels: {sidecar.istio.io/inject: "false"}
        data:
          pod_labels: '{"sidecar.istio.io/inject": "false"}'
        ---
        apiVersion: example.com/v1
        kind: Namespace
        metadata:
          labels: {istio-injection: disabled}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: apps
          labels: {istio.io/dataplane-mode: ambient, sidecar.istio.io/inject: "false"}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          labels: {sidecar.istio.io/inject: ""}
          annotations: {linkerd.io/inject: ingress}
        spec:
          containers: [{name: web, image: nginx}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Istio label on a Deployment pod template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: billing}
        spec:
          template:
            metadata:
              labels:
                app: billing
                sidecar.istio.io/inject: "false"
            spec:
              containers: [{name: billing, image: billing}]
      `,
      findings: [
        { line: 9, column: 9, endLine: 9, endColumn: 41, message: 'Label sidecar.istio.io/inject: "false" keeps the Istio sidecar out of these pods: their traffic bypasses mesh mTLS and Istio authorization policies.' },
      ],
    },
    {
      name: 'Istio annotation (any non-true value) on a CronJob, Linkerd annotation on a Pod, ambient opt-out',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                metadata:
                  annotations:
                    sidecar.istio.io/inject: disabled
                spec:
                  containers: [{name: report, image: report}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          labels: {istio.io/dataplane-mode: none}
          annotations: {linkerd.io/inject: disabled}
        spec:
          containers: [{name: shell, image: busybox}]
      `,
      findings: [
        { line: 11, column: 13, endLine: 11, endColumn: 46, message: 'Annotation sidecar.istio.io/inject: "disabled" keeps the Istio sidecar out of these pods: their traffic bypasses mesh mTLS and Istio authorization policies.' },
        { line: 19, column: 12, endLine: 19, endColumn: 41, message: 'Label istio.io/dataplane-mode: none removes these pods from the Istio ambient mesh: their traffic bypasses mesh mTLS and Istio authorization policies.' },
        { line: 20, column: 17, endLine: 20, endColumn: 44, message: 'Annotation linkerd.io/inject: disabled keeps the Linkerd proxy out of these pods: their traffic bypasses mesh mTLS and Linkerd authorization policies.' },
      ],
    },
    {
      name: 'YAML boolean false, StatefulSet',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          template:
            metadata:
              annotations:
                sidecar.istio.io/inject: false
            spec:
              containers: [{name: db, image: postgres}]
      `,
      findings: [
        { line: 8, column: 9, endLine: 8, endColumn: 39, message: 'Annotation sidecar.istio.io/inject: "false" keeps the Istio sidecar out of these pods: their traffic bypasses mesh mTLS and Istio authorization policies.' },
      ],
    },
    {
      name: 'Namespaces opting out of Istio (sidecar and ambient) and Linkerd',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: legacy
          labels:
            istio-injection: disabled
            istio.io/dataplane-mode: none
          annotations:
            linkerd.io/inject: disabled
      `,
      findings: [
        { line: 6, column: 5, endLine: 6, endColumn: 30, message: 'Label istio-injection: disabled keeps Istio sidecars out of every pod in namespace "legacy": their traffic bypasses mesh mTLS and Istio authorization policies.' },
        { line: 7, column: 5, endLine: 7, endColumn: 34, message: 'Label istio.io/dataplane-mode: none keeps every pod in namespace "legacy" out of the Istio ambient mesh: their traffic bypasses mesh mTLS and Istio authorization policies.' },
        { line: 9, column: 5, endLine: 9, endColumn: 32, message: 'Annotation linkerd.io/inject: disabled keeps the Linkerd proxy out of every pod in namespace "legacy": their traffic bypasses mesh mTLS and Linkerd authorization policies.' },
      ],
    },
  ],
});
