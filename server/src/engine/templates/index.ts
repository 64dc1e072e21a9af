// NetworkPolicy templates: the catalogue, what a workspace offers for their parameters, and the
// edits that insert them. The language server wires these into commands and source actions.
export { TEMPLATES, PRIVATE_RANGES, findTemplate } from './catalogue';
export type { ControllerPeer, PolicyTemplate, PortProtocol, TemplateId, TemplateParameter, TemplateParameterName, TemplateParams } from './template';
export { parameterProblems } from './parameter-problems';
export { templateChoices, type IngressControllerChoice, type LabelChoice, type NamespaceChoice, type TemplateChoices } from './template-choices';
export { templateInsertion, type TemplateInsertion, type TemplateInsertionRequest } from './template-insertion';
export { defaultDenyInsertion } from './default-deny-insertion';
export type { PolicyPlacement } from '../fixes/placement';
