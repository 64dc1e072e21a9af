import * as vscode from 'vscode';
import type { KubeNetsecApi } from './api';
import { SHOW_WORKLOAD_CONNECTIONS_COMMAND } from '../../server/src/lsp/answer-protocol';
import { TemplateChoicesRequest } from '../../server/src/lsp/template-protocol';
import { insertNetworkPolicy, type InsertNetworkPolicyArgs } from './insert-network-policy';
import { showRuleDocumentation } from './rule-documentation';
import { ServerController } from './server-controller';
import { WorkloadConnections } from './workload-connections';

let controller: ServerController | undefined;

/** Starts the kube-netsec language server for YAML files, unless `kubeNetsec.enable` is off. */
export async function activate(context: vscode.ExtensionContext): Promise<KubeNetsecApi> {
  const output = vscode.window.createOutputChannel('Kubernetes Network Security', { log: true });
  controller = new ServerController(context.asAbsolutePath('dist/server.js'), output);
  const connections = new WorkloadConnections(() => controller?.languageClient);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('kubeNetsec.restartServer', () => controller?.restart()),
    // Run from the server's code actions, with the rule id.
    vscode.commands.registerCommand('kubeNetsec.showRuleDocumentation', (ruleId: unknown) => showRuleDocumentation(context.extensionUri, ruleId)),
    connections.register(),
    // Run from a workload's CodeLens, with the workload's key.
    vscode.commands.registerCommand(SHOW_WORKLOAD_CONNECTIONS_COMMAND, (workloadKey: unknown) => connections.show(workloadKey)),
    vscode.commands.registerCommand('kubeNetsec.insertNetworkPolicy', (args?: InsertNetworkPolicyArgs) => insertNetworkPolicy(controller?.languageClient, args)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('kubeNetsec.enable')) void controller?.applySettings();
    }),
  );
  await controller.applySettings();
  return {
    async templateChoices(document) {
      const client = controller?.languageClient;
      return client?.isRunning() ? client.sendRequest(TemplateChoicesRequest, { uri: client.code2ProtocolConverter.asUri(document) }) : undefined;
    },
    serverInfo: async () => controller?.serverInfo(),
  };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
