import { DEFAULT_DNS, mergeConfigs, type ClusterDnsConfig } from '../config/lint-config';
import type { FileEdit } from '../fixes/fix';
import { appendDocuments, newFile, policyFileBeside, type PolicyPlacement } from '../fixes/placement';
import { lintManifest } from '../lint';
import { parseManifest } from '../manifest/manifest-file';
import { findTemplate } from './catalogue';
import { parameterProblems } from './parameter-problems';
import type { TemplateParams } from './template';

/** What the editor asks for: a template with its values, and the file the command was run in. */
export interface TemplateInsertionRequest {
  templateId: string;
  params: TemplateParams;
  /** The file the command was run in (a URI or a path). */
  uri: string;
  /** Its current text: `end-of-file` appends after it. */
  text: string;
  /** `end-of-file` of `uri`, or a new `networkpolicies/<namespace>.yaml` beside it. */
  placement: PolicyPlacement;
  /** The configured cluster DNS, which DNS rules reach (the default one when not given). */
  dns?: ClusterDnsConfig;
}

/** The edits inserting the policy and its YAML, or why there is none (unknown id, bad values). */
export type TemplateInsertion = { ok: true; edits: FileEdit[]; yaml: string } | { ok: false; problems: string[] };

/**
 * The edits that insert a rendered template. The values are checked first and the rendered YAML is
 * parsed and linted on its own: a template that would not parse or would be reported (warning or
 * error) is refused with the findings' messages rather than inserted.
 */
export function templateInsertion(request: TemplateInsertionRequest): TemplateInsertion {
  const template = findTemplate(request.templateId);
  if (!template) return { ok: false, problems: [`There is no template "${request.templateId}".`] };
  const problems = parameterProblems(template, request.params);
  if (problems.length > 0) return { ok: false, problems };
  const yaml = template.render(request.params, request.dns ?? DEFAULT_DNS);
  const refusals = renderedProblems(yaml);
  if (refusals.length > 0) return { ok: false, problems: refusals };
  const edit =
    request.placement === 'new-file'
      ? newFile(policyFileBeside(request.uri, request.params.namespace ?? ''), yaml)
      : appendDocuments(request.uri, request.text, yaml);
  return { ok: true, edits: [edit], yaml };
}

/** The findings of warning or above in generated YAML, and its syntax problems. */
export function renderedProblems(yaml: string): string[] {
  const file = parseManifest('template.yaml', yaml);
  const syntax = file.syntaxProblems.map((problem) => problem.message);
  const findings = lintManifest(file, { config: mergeConfigs({}) }).filter((finding) => finding.severity === 'warning' || finding.severity === 'error');
  return [...syntax, ...findings.map((finding) => `${finding.ruleId}: ${finding.message}`)];
}
