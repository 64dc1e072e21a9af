import type { ClusterDnsConfig } from '../config/lint-config';
import type { Labels } from '../model';

export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

/** The pods of an ingress controller, as a policy peer: their namespace and identifying labels. */
export interface ControllerPeer {
  namespace: string;
  labels: Labels;
}

/**
 * Everything a template may ask for. Each template reads only the parameters it lists; `render`
 * expects them checked (`parameterProblems`), which `templateInsertion` does before rendering.
 */
export interface TemplateParams {
  /** The namespace the policy goes in. Omitted, the policy names none and lands where it is applied. */
  namespace?: string;
  /** The pods the policy applies to; none or empty means every pod of the namespace. */
  podLabels?: Labels;
  /** The client pods a policy admits (in the policy's namespace). */
  sourcePodLabels?: Labels;
  /** The one port a policy admits; none means every port. */
  port?: number;
  /** The protocol of `port` (TCP when not given). */
  protocol?: PortProtocol;
  /** The namespace whose pods a policy admits. */
  sourceNamespace?: string;
  ingressController?: ControllerPeer;
}

export type TemplateParameterName = keyof TemplateParams;

/** A parameter as a template asks for it: what it means here, and whether the template needs it. */
export interface TemplateParameter {
  name: TemplateParameterName;
  required: boolean;
  description: string;
}

export type TemplateId =
  | 'default-deny'
  | 'default-deny-ingress'
  | 'default-deny-egress'
  | 'allow-dns'
  | 'allow-same-namespace'
  | 'allow-from-namespace'
  | 'allow-from-ingress-controller'
  | 'allow-port-from-pods'
  | 'deny-egress-outside-cluster'
  | 'istio-strict-mtls';

/** A policy recipe: what it is for, what it needs, and the YAML it produces. */
export interface PolicyTemplate {
  id: TemplateId;
  title: string;
  /** What the policy does and what it takes to use it safely (Markdown). */
  description: string;
  parameters: readonly TemplateParameter[];
  /**
   * The templates this one is meant to be used with, as its description says: allow policies open
   * holes in a default deny, and alone they isolate the pods they select and leave the others open.
   */
  meantWith: readonly TemplateId[];
  /** The prefix of the editor snippet that writes the same policy. */
  snippet: string;
  /** YAML text: 2-space indentation, "\n" line ends, no leading `---`, documents joined by `---`. */
  /** The policy's YAML; templates that reach DNS write the rule to `dns`, the configured cluster DNS. */
  render(params: TemplateParams, dns: ClusterDnsConfig): string;
}
