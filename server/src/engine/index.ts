// The engine's public surface: parsing, the manifest model, rules and linting. It depends on
// neither VS Code nor the language server, so the CLI and the tests use it directly.
export { ChunkCache } from './manifest/chunk-cache';
export { parseManifest, MAX_MANIFEST_LENGTH, type ManifestFile, type SyntaxProblem } from './manifest/manifest-file';
export { KubeObject, type ObjectRef } from './manifest/kube-object';
export type { ObjectPath } from './manifest/yaml-path';
export { podSpecOf, containersOf, WORKLOAD_KINDS } from './workloads/pod-spec';
export { fileFindings, lintManifest, lintWorkspace, lintWorkspaceLocated, reportableFindings, reportableLocatedFindings, workspaceFindings, type LintOptions, type LocatedFinding } from './lint';
export { buildWorkspace, type Workspace, type WorkspaceOptions } from './workspace/workspace';
export { DEFAULT_CONFIG, DEFAULT_SENSITIVE_PORTS, mergeConfigs, RULE_SETTINGS, type LintConfig, type RuleSetting } from './config/lint-config';
export { noticesOf, type Notice } from './notices';
export { ALL_RULES, findRule } from './rules/registry';
export { SEVERITIES, type Finding, type Rule, type RuleContext, type RuleMeta, type WorkspaceRule, type Severity, type RuleCategory, type RelatedLocation } from './rules/rule';
export type { Position, SourceRange } from './text/range';
export * from './model';
export * from './connectivity';
export type { Fix, FixInput, FixKind, FileEdit, TextEdit } from './fixes/fix';
export { FixChecker, findingKey, subjectKey, type FixEnvironment, type FixVerdict } from './fixes/fix-checker';
export { fixesOf, type CheckedFix } from './fixes/fixes-of';
export { fixAllOfFile, type FileFixes } from './fixes/fix-all';
export { applyTextEdits, editsOverlap } from './fixes/apply-edits';
export { YamlEditor } from './fixes/yaml-editor';
export * from './templates';
export { generatePolicies, generatedYaml, type GenerateOptions, type GeneratedPolicy, type GenerationResult, type InferredConnection, type ConnectionSource, type GenerationNote, type Evidence } from './generate';
export * from './answers';
