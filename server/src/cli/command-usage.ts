import { FIX_USAGE } from './fix-command';
import { GENERATE_USAGE } from './generate-command';

export const USAGE = `Usage: kube-netsec <command> [options]

Commands:
  lint [PATH...]      Check Kubernetes manifests (files, folders, or - for standard input)
                      for insecure networking, as text, JSON, SARIF or GitLab code quality.
                      See lint --help.
  connectivity [PATH...] [--explain [FROM TO]]
                      List every connection the NetworkPolicies, AdminNetworkPolicies and the
                      BaselineAdminNetworkPolicy allow between workloads and with external
                      addresses. See connectivity --help.
  diff BASE HEAD      What a change opens and closes: the connections HEAD allows that BASE did
  diff --git REF [PATH...]
                      not and the reverse, and workloads newly exposed outside the cluster (text,
                      JSON, Markdown for a pull request, SARIF). See diff --help.
  fix [PATH...]       Apply the preferred safe fix of each finding in place; --dry-run prints a
                      unified diff instead. See fix --help.
  generate [PATH...]  Print least-privilege NetworkPolicies (default deny, then what each
                      workload needs, inferred from the manifests). See generate --help.
  rules               List the rules.
  lsp --stdio         Start the language server over standard input/output (for editors).

Options:
  -h, --help          Show this help (after a command: that command's help).
  -v, --version       Show the version (also --version after a command).

Each command's exit status is in its help; 2 always means a usage or I/O error.`;

export const LINT_USAGE = `Usage: kube-netsec lint [PATH...] [options]

Checks Kubernetes manifests for insecure networking. PATH is a file, a folder (searched for
*.yaml, *.yml and *.json, leaving out node_modules, .git and what the configuration excludes)
or - for standard input; the default is the current folder. All files form one workspace, so
rules across objects see workloads and policies of every file.

Options:
  --format FORMAT     text (default), json, sarif (SARIF 2.1.0, for code scanning) or gitlab
                      (GitLab code quality JSON).
  -o, --output FILE   Write the report to FILE instead of standard output; the summary line goes
                      to standard error.
  --fail-on LEVEL     The least severity that makes the exit status 1: error, warning (default),
                      information, or never. Hints never do.
  --max-warnings N    Warnings make the exit status 1 only when there are more than N of them
                      (whatever --fail-on says of warnings).
  -q, --quiet         Print findings and errors only: no summary line, no progress line, no
                      notes on skipped files or documents.
  --allow-empty       Exit with status 0 when no Kubernetes manifest is found (default: 2).
  --include-suppressed
                      SARIF: also list the findings that suppressions hid, marked as suppressed.
  --base-uri DIR      SARIF and GitLab paths are relative to DIR (default: the current folder).
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any).
  --rule RULE=LEVEL   Override a rule's severity: off, hint, info, warning or error (repeatable).
  --strict            Exit with status 2 when a file, or some documents of it, was skipped as a
                      Helm/Go template or as too large (after printing the report as usual).
  -h, --help          Show this help.

Exit status: 0 no finding at or above --fail-on, 1 some, 2 usage or I/O error, a path that does
not exist, no Kubernetes manifest found (unless --allow-empty), or with --strict a skipped file.`;

export const CONNECTIVITY_USAGE = `Usage: kube-netsec connectivity [PATH...] [options]

Lists every connection the NetworkPolicies, AdminNetworkPolicies and the
BaselineAdminNetworkPolicy allow between workloads and with external addresses. PATH works as
for lint. Notes on standard error name what the list does not account for: policies of other
kinds (Calico, Cilium...), host-network workloads.

Options:
  --format FORMAT     text (default), json, csv, md, dot (Graphviz) or mermaid (a Mermaid
                      flowchart, for a \`\`\`mermaid block in Markdown).
  --explain           Say why under each connection: for the source's egress and the
                      destination's ingress, the isolating NetworkPolicies and the rules (admin
                      tiers included) that decide the ports, with FILE:LINE (text), or an
                      "explanation" field per connection (json; other formats refuse it).
  --explain FROM TO   Explain that one pair, allowed or not; each end is a workload as printed
                      (ns/name[Kind]) or an IPv4 address or CIDR.
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any).
  --strict            Exit with status 2 when a file was skipped as a template or as too large.
  -h, --help          Show this help.

Exit status: 0 (also when nothing is allowed), 2 usage or I/O error (or, with --strict, a file
skipped as a template or as too large). Also 2 when an AdminNetworkPolicy or
BaselineAdminNetworkPolicy cannot be evaluated (errors on standard error, no connections
printed), when --explain FROM TO names no workload of the manifests, an IPv6 address, or two
external ends, and when --explain is given with --format csv, md, dot or mermaid.`;

export const DIFF_USAGE = `Usage: kube-netsec diff BASE HEAD [options]
       kube-netsec diff --git REF [PATH...] [options]

Compares the connections two sets of manifests allow, as connectivity lists them: BASE and HEAD
are files or folders (read as lint reads them), or with --git the working tree's PATHs (default
the current folder) against the same paths in revision REF, read from git without a checkout.
Workloads are matched by kind, namespace and name; external addresses address by address. Lists
the connections added and removed, those whose ports change (what opens, what closes), the
workloads only one side has, and the exposures outside the cluster HEAD adds or drops (LoadBalancer
and NodePort Services, Ingresses, hostNetwork, hostPort). See docs/diff.md.

Options:
  --git REF           BASE is revision REF (a branch, tag or commit) of the git repository.
  --format FORMAT     text (default), json, md (a pull-request comment: summary line and tables)
                      or sarif (connections HEAD opens to or from internet addresses, and new
                      exposures, as warnings at the HEAD rule or workload that allows them).
  --fail-on-open      Exit with status 1 when HEAD opens a connection (or ports of one) or exposes
                      a workload outside the cluster.
  -o, --output FILE   Write the report to FILE; the summary line goes to standard error.
  --base-uri DIR      SARIF paths are relative to DIR (default: the current folder).
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any).
  -h, --help          Show this help.

Exit status: 0 (differences or none), 1 with --fail-on-open when HEAD opens something, 2 usage
or I/O error: a path that cannot be read, git missing or REF naming no commit, or admin policies
that cannot be evaluated on either side.`;

export const RULES_USAGE = `Usage: kube-netsec rules [options]

Lists the rules: id, default severity, category and title. Each rule's page is
docs/rules/<id>.md.

Options:
  --format FORMAT     text (default) or json.
  -h, --help          Show this help.

Exit status: 0, 2 usage error.`;

export const LSP_USAGE = `Usage: kube-netsec lsp --stdio

Starts the language server over standard input/output, for editors.

Options:
  --stdio             The transport (the only one offered).
  -h, --help          Show this help.`;

/** Each command's help, printed by `kube-netsec COMMAND --help` and after its usage errors. */
export const COMMAND_USAGES: Readonly<Record<string, string>> = {
  lint: LINT_USAGE,
  connectivity: CONNECTIVITY_USAGE,
  diff: DIFF_USAGE,
  fix: FIX_USAGE,
  generate: GENERATE_USAGE,
  rules: RULES_USAGE,
  lsp: LSP_USAGE,
};
