import * as vscode from 'vscode';
import { ServerController } from './server-controller';

let controller: ServerController | undefined;

/** Starts the kube-netsec language server for YAML files, unless `kubeNetsec.enable` is off. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Kubernetes Network Security', { log: true });
  controller = new ServerController(context.asAbsolutePath('dist/server.js'), output);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('kubeNetsec.restartServer', () => controller?.restart()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('kubeNetsec.enable')) void controller?.applySettings();
    }),
  );
  await controller.applySettings();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
