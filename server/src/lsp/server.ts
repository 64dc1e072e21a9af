import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type CodeLensParams,
  type CompletionParams,
  type Connection,
  type Diagnostic,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildWorkspace, type Workspace } from '../engine';
import { CONFIG_FILE_NAME, parseConfigFile } from '../engine/config/config-file';
import { VERSION } from '../version';
import { answerContextOf } from './answer-context';
import { WorkloadConnectionsRequest, type WorkloadConnectionsParams, type WorkloadConnectionsResult } from './answer-protocol';
import { codeLensesOf, completionsOf, hoverOf, workloadConnectionsOf, type AnswerSource } from './answer-requests';
import { CheckWaiters } from './check-waiters';
import { codeActionsOf } from './code-actions';
import { MemoryUsageRequest, serverMemoryUsage } from './debug-protocol';
import { registerNetworkMapRequest } from './network-map-request';
import { watchedFileEvents } from './change-validation';
import { DocumentAnswers } from './document-answers';
import { DocumentFixes } from './document-fixes';
import { listenValidated } from './document-sync';
import { isLocalFileUri } from './document-uri';
import { FixCheckers } from './fix-environment';
import { guarded } from './guarded';
import { LensRefresh } from './lens-refresh';
import { isManifestDocument } from './manifest-documents';
import { OpenDocuments } from './open-documents';
import { logUncaughtErrors } from './process-guard';
import { ruleDocsLink, ruleDocsUrl } from './rule-docs-link';
import { ServerInfoRequest } from './server-info-protocol';
import { TemplateChoicesRequest, TemplateInsertionRequest, type TemplateChoicesParams, type TemplateChoicesResult, type TemplateInsertionParams, type TemplateInsertionResult } from './template-protocol';
import { templateChoicesOf, templateInsertionOf } from './template-requests';
import { FIX_ALL_KIND } from './to-code-action';
import { configProblemToDiagnostic, findingToDiagnostic, noticeToDiagnostic } from './to-diagnostic';
import { editSupportOf, type EditSupport } from './to-workspace-edit';
import { partialAnalysisDiagnostic } from './partial-analysis';
import { SerialRounds } from './serial-rounds';
import { ValidationScheduler } from './validation-scheduler';
import { folderPaths, placementOf, WorkspaceConfig } from './workspace-config';
import { WorkspaceIndex } from './workspace-index';
import { WorkspaceChecker } from './workspace-checker';

/** The cross-file rules of one check stop after this long (the rest are skipped with a notice), so a huge workspace cannot hold the answer back. */
const ANALYSIS_BUDGET_MS = 2000;
/** Code actions slower than this are logged with their time. */
const SLOW_CODE_ACTIONS_MS = 500;
/** Quiet time after file-system events (a checkout touches many files) before re-checking. */
const DISK_CHANGE_DELAY_MS = 200;
/** How long a completion waits for the check of the text it is asked in (the typing pause, then the check). */
const COMPLETION_WAIT_MS = 3000;
/** After `key:` or `key: ` come the key's values (the engine adds the space after a bare colon); keys need no trigger. */
const COMPLETION_TRIGGERS = [':', ' '];

export const SERVER_INFO = { name: 'kube-netsec', version: VERSION };

/**
 * The language server: indexes the workspace's manifests, keeps open YAML documents in sync, and
 * publishes kube-netsec findings (cross-file ones included) as diagnostics of the open documents.
 * All security logic lives in the engine; this layer only adapts it to LSP.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let workspaceConfig = new WorkspaceConfig([], log);
  let index = new WorkspaceIndex(() => false, log);
  const open = new OpenDocuments();
  const checker = new WorkspaceChecker();
  let canPullSettings = false;
  let editSupport: EditSupport = { documentChanges: false, createFiles: false };
  let ready: Promise<void> = Promise.resolve();
  /** The workspace of the last check: what the answers that name no document read. */
  let checkedWorkspace: Workspace | undefined;
  let commandLinks = false;
  let canRefreshLenses = false;
  let canShowRelatedInformation = false;
  let analysisBudgetMs = ANALYSIS_BUDGET_MS;
  const checks = new CheckWaiters();
  const lensRefresh = new LensRefresh(() => void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined));
  const ruleLinks = new Map<string, string | undefined>();
  const ruleLink = (ruleId: string): string | undefined => {
    if (!ruleLinks.has(ruleId)) ruleLinks.set(ruleId, ruleDocsLink(ruleId, commandLinks));
    return ruleLinks.get(ruleId);
  };

  function log(message: string): void {
    connection.console.log(message);
  }
  function logError(message: string): void {
    connection.console.error(message);
  }
  logUncaughtErrors(logError);

  /**
   * Re-checks the workspace and publishes the diagnostics of every open document. The cross-file
   * rules wait for the index (on part of the workspace they would report what other files settle),
   * run one at a time with turns of the event loop between them, and stop at the time budget.
   */
  const checkRound = async (): Promise<void> => {
    try {
      // Until the index is complete the cross-file rules do not run: the open documents are all there is to check.
      const files = index.complete ? index.files() : index.openFiles();
      const rootConfig = workspaceConfig.rootConfig();
      // What this round checks: documents parsed again while it runs are left to the next round.
      const checkedStates = new Map(open.uris().map((uri) => [uri, open.get(uri)]));
      const { workspace, crossFile, skippedRules, elapsedMs } = await checker.check(files, rootConfig, { crossFile: index.complete, budgetMs: analysisBudgetMs });
      checkedWorkspace = workspace;
      const partial = skippedRules.length > 0 ? partialAnalysisDiagnostic(skippedRules, elapsedMs) : undefined;
      if (partial) log(`Checking the workspace took ${elapsedMs} ms; skipped: ${skippedRules.join(', ')}.`);
      // Fixes are judged against exactly what this round checked: the files, and open documents at these versions.
      const checkedVersions = new Map(open.uris().map((uri) => [uri, checkedStates.get(uri)?.version]));
      const complete = index.complete && !partial;
      const checkers = new FixCheckers(files, (uri) => {
        const document = documents.get(uri);
        return document && document.version === checkedVersions.get(uri) ? document.getText() : undefined;
      }, complete ? { config: rootConfig, baseline: { workspace, cross: crossFile } } : undefined);
      for (const uri of open.uris()) {
        const document = documents.get(uri);
        const state = open.get(uri);
        // A document edited since its last parse is re-checked after the pause: never publish old results for it.
        if (!document || !state || state.version !== document.version || checkedStates.get(uri) !== state) continue;
        let diagnostics: Diagnostic[];
        if (workspaceConfig.isConfigFile(uri)) {
          diagnostics = parseConfigFile(document.getText()).problems.map(configProblemToDiagnostic);
        } else {
          const { config, excluded } = workspaceConfig.configFor(uri);
          const located = excluded ? [] : checker.findingsOf(state, crossFile.get(uri) ?? [], config);
          state.reported = excluded ? undefined : new DocumentFixes(uri, state.version, located, () => checkers.checkerFor(config), log);
          state.answers = state.reported && new DocumentAnswers(state.version, answerContextOf(state.file, workspace, config, state.reported, ruleLink));
          diagnostics = excluded ? [] : [...located.map(({ finding }) => findingToDiagnostic(finding, canShowRelatedInformation)), ...state.notices.map(noticeToDiagnostic), ...(partial ? [partial] : [])];
        }
        void connection.sendDiagnostics({ uri, version: state.version, diagnostics });
        checks.checked(uri, state.version);
      }
      // Without refresh support there is no one to tell: the lenses are not even computed.
      if (canRefreshLenses) {
        lensRefresh.afterCheck((uri) => {
          const state = open.get(uri);
          if (!state || state.version !== documents.get(uri)?.version) return undefined;
          return workspaceConfig.codeLensEnabled() && state.answers ? state.answers.lensesOf() : [];
        });
      }
    } catch (error) {
      connection.console.error(`Checking the workspace failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  const rounds = new SerialRounds(checkRound, (error) => logError(`Checking the workspace failed: ${String(error)}`));
  const publishAll = (): Promise<void> => rounds.request();
  const refreshSoon = debounce(() => void ready.then(publishAll), DISK_CHANGE_DELAY_MS);

  /** Parses an open document's current text, then re-checks (its edit may change other files' findings). */
  const checkOpenDocument = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const started = Date.now();
    const { excluded } = workspaceConfig.configFor(uri);
    const state = open.update(uri, document.getText(), document.version);
    if (excluded || workspaceConfig.isConfigFile(uri)) index.closeOpen(uri);
    else index.setOpen(state.file);
    await publishAll();
    scheduler.checked(uri, Date.now() - started);
  };
  const scheduler = new ValidationScheduler((uri) => void ready.then(() => checkOpenDocument(uri)));

  /**
   * Reads settings and configuration files again, then re-indexes the workspace (exclusions may have
   * changed). Open documents are checked as soon as the settings are in, and again once indexed.
   */
  const reloadConfiguration = (pushedSettings?: unknown): void => {
    ready = (async () => {
      const settings = canPullSettings ? await connection.workspace.getConfiguration('kubeNetsec') : pushedSettings;
      await workspaceConfig.reload(settings);
      open.forgetFindings();
      index.dispose(); // a scan still running for the old settings stops, and does not log
      index = new WorkspaceIndex((uri) => workspaceConfig.configFor(uri).excluded || workspaceConfig.isConfigFile(uri), log);
      for (const uri of open.uris()) {
        const state = open.get(uri);
        if (state && !workspaceConfig.configFor(uri).excluded && !workspaceConfig.isConfigFile(uri)) index.setOpen(state.file);
      }
    })().catch((error: unknown) => connection.console.error(`Reading the configuration failed: ${String(error)}`));
    void ready.then(async () => {
      const scanning = index;
      // Open documents get their own findings at once; the cross-file ones once the index is complete.
      void publishAll();
      if ((await scanning.scan(folders)) && scanning === index) await publishAll();
    });
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = folderPaths(uris, log);
    workspaceConfig = new WorkspaceConfig(folders, log);
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    canShowRelatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    // Our VS Code client trusts the rule-page command in hovers; other editors get file links.
    commandLinks = (params.initializationOptions as { commandLinks?: unknown } | undefined)?.commandLinks === true;
    // For tests and slow machines: the cross-file rules' time budget, in milliseconds.
    const budget = (params.initializationOptions as { analysisBudgetMs?: unknown } | undefined)?.analysisBudgetMs;
    if (typeof budget === 'number' && budget >= 0) analysisBudgetMs = budget;
    editSupport = editSupportOf(params.capabilities);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      },
      serverInfo: SERVER_INFO,
    };
  });

  connection.onInitialized(() => {
    reloadConfiguration();
    // Ask to be told about settings changes (VS Code sends them anyway when the client synchronizes).
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeNetsec' }).catch(() => undefined);
  });

  connection.onDidChangeConfiguration((change) => reloadConfiguration((change.settings as { kubeNetsec?: unknown } | null)?.kubeNetsec));

  connection.onDidChangeWatchedFiles(async (params) => {
    const changes = watchedFileEvents(params, (message) => connection.console.warn(message));
    if (changes.some((event) => event.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
      reloadConfiguration();
      return;
    }
    await ready;
    for (const event of changes) {
      if (event.type === FileChangeType.Deleted) index.forgetDisk(event.uri);
      else await index.readFromDisk(event.uri);
    }
    refreshSoon();
  });

  connection.onCodeAction(
    guarded(
      'codeAction',
      async (params: CodeActionParams, token: CancellationToken) => {
        const uri = params.textDocument.uri;
        const document = documents.get(uri);
        const reported = open.get(uri)?.reported;
        // Diagnostics of an older version would place fixes on text that has moved: answer once re-checked.
        if (!document || !reported || reported.version !== document.version) return [];
        const started = Date.now();
        const actions = await codeActionsOf(params, {
          isWanted: () => !token.isCancellationRequested && documents.get(uri)?.version === reported.version,
          fixes: reported,
          support: editSupport,
          versionOf: (target) => documents.get(target)?.version ?? null,
          hasDocumentation: (ruleId) => ruleDocsUrl(ruleId) !== undefined,
          placement: workspaceConfig.templatePlacement(uri),
          log,
        });
        // Each fix is checked by re-linting the workspace: say so when a large workspace makes that slow.
        const elapsed = Date.now() - started;
        if (elapsed >= SLOW_CODE_ACTIONS_MS) log(`Code actions for ${uri} took ${elapsed} ms (${actions.length} offered).`);
        return actions;
      },
      [],
      logError,
    ),
  );

  const answerSource: AnswerSource = {
    current(uri) {
      const answers = open.get(uri)?.answers;
      return answers && answers.version === documents.get(uri)?.version ? answers : undefined;
    },
    checkOfCurrentText(uri, token) {
      const document = documents.get(uri);
      // Only a tracked manifest whose text is newer than its last parse has a check coming (an
      // excluded document is checked, but gets no answers).
      if (!document || !open.has(uri) || open.get(uri)?.version === document.version) return Promise.resolve(false);
      return checks.wait(uri, document.version, token, COMPLETION_WAIT_MS);
    },
    codeLensEnabled: () => workspaceConfig.codeLensEnabled(),
    lensRefresh,
    log,
  };
  connection.onHover(guarded('hover', (params: HoverParams) => hoverOf(params, answerSource), null, logError));
  connection.onCodeLens(guarded('codeLens', (params: CodeLensParams) => codeLensesOf(params, answerSource), [], logError));
  connection.onCompletion(guarded('completion', (params: CompletionParams, token: CancellationToken) => completionsOf(params, token, answerSource), [], logError));
  connection.onRequest(
    WorkloadConnectionsRequest,
    guarded(WorkloadConnectionsRequest.method, (params: WorkloadConnectionsParams): WorkloadConnectionsResult => workloadConnectionsOf(params, checkedWorkspace), null, logError),
  );

  connection.onRequest(MemoryUsageRequest, serverMemoryUsage);
  registerNetworkMapRequest(connection, () => checkedWorkspace, logError);

  connection.onRequest(
    TemplateChoicesRequest,
    guarded(
      TemplateChoicesRequest.method,
      async (params: TemplateChoicesParams): Promise<TemplateChoicesResult> => {
        await ready;
        const { config } = workspaceConfig.configFor(params.uri);
        return templateChoicesOf(buildWorkspace(index.files(), config), params.uri);
      },
      { templates: [], choices: { namespaces: [], ingressControllers: [] }, documentNamespaces: [] },
      logError,
    ),
  );

  connection.onRequest(
    TemplateInsertionRequest,
    guarded(
      TemplateInsertionRequest.method,
      async (params: TemplateInsertionParams): Promise<TemplateInsertionResult> => {
        await ready;
        if (typeof params.uri !== 'string' || typeof params.templateId !== 'string') return { problems: ['A template insertion needs uri and templateId.'] };
        const placement = params.placement ? placementOf({ templates: { placement: params.placement } }) : workspaceConfig.templatePlacement(params.uri);
        const request = { uri: params.uri, templateId: params.templateId, params: typeof params.params === 'object' && params.params !== null ? params.params : {}, placement };
        const checker = new FixCheckers(index.files(), (uri) => documents.get(uri)?.getText()).checkerFor(workspaceConfig.configFor(params.uri).config);
        return templateInsertionOf(request, checker, (uri) => documents.get(uri)?.version ?? null, editSupport);
      },
      { problems: ['The language server could not insert the template (see its log).'] },
      logError,
    ),
  );

  documents.onDidChangeContent(({ document }) => {
    if (!isManifestDocument(document)) return;
    // The first check of a document runs at once; edits wait for a pause in typing.
    const firstTime = !open.has(document.uri);
    open.track(document.uri);
    scheduler.schedule(document.uri, firstTime);
  });

  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    checks.closed(document.uri);
    lensRefresh.forget(document.uri);
    if (!open.has(document.uri)) return;
    open.forget(document.uri);
    index.closeOpen(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // Its saved text (or its absence) now stands for it in the workspace; an in-memory document leaves nothing.
    if (isLocalFileUri(document.uri)) void index.readFromDisk(document.uri).then(refreshSoon);
    else refreshSoon();
  });

  connection.onShutdown(() => {
    scheduler.dispose();
    checks.dispose();
    refreshSoon.cancel();
  });
  connection.onRequest(ServerInfoRequest, () => ({ ...SERVER_INFO, pid: process.pid }));
  listenValidated(documents, connection, (message) => connection.console.warn(message));
  connection.listen();
}

function debounce(action: () => void, delayMs: number): (() => void) & { cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      action();
    }, delayMs);
  };
  return Object.assign(run, { cancel: () => timer && clearTimeout(timer) });
}
