import { suppressionUnused } from '../../../server/src/engine/rules/suppression/suppression-unused';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(suppressionUnused, [
  {
    name: 'a next-line comment alone on its line goes with its line (CRLF kept)',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: web}\r\nspec:\r\n  # kube-netsec-disable-next-line host-network -- legacy exception\r\n  hostNetwork: false\r\n  containers: [{name: web, image: nginx}]\r\n',
    fixes: [
      {
        title: 'Remove the unused suppression',
        preferred: true,
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: web}\r\nspec:\r\n  hostNetwork: false\r\n  containers: [{name: web, image: nginx}]\r\n',
      },
    ],
  },
  {
    name: 'a comment at the end of a line goes with the spaces before it',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: web, image: nginx}] # kube-netsec-disable-next-line host-port -- old
        hostNetwork: false
    `,
    fixes: [
      {
        title: 'Remove the unused suppression',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers: [{name: web, image: nginx}]
            hostNetwork: false
        `,
      },
    ],
  },
  {
    name: 'only the idle rule id leaves a list whose other rule is used',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: agent}
      spec:
        # kube-netsec-disable-next-line host-port, host-network -- node agent
        hostNetwork: true
        containers: [{name: agent, image: agent:1}]
    `,
    fixes: [
      {
        title: 'Remove host-port from the suppression',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: agent}
          spec:
            # kube-netsec-disable-next-line host-network -- node agent
            hostNetwork: true
            containers: [{name: agent, image: agent:1}]
        `,
      },
    ],
  },
  {
    name: 'an unused annotation goes, with an annotations map it leaves empty',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations:
          kube-netsec.io/ignore-host-port: "nothing to ignore"
      spec:
        containers: [{name: web, image: nginx}]
    `,
    fixes: [
      {
        title: 'Remove the unused suppression',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata:
            name: web
          spec:
            containers: [{name: web, image: nginx}]
        `,
      },
    ],
  },
  {
    name: 'a document suppression naming an unknown rule goes whole, when nothing else hides behind it',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      # kube-netsec-disable host-netwrok -- typo
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: web, image: nginx}]
    `,
    fixes: [
      {
        title: 'Remove the unused suppression',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers: [{name: web, image: nginx}]
        `,
      },
    ],
  },
]);
