// Entry point of the bundled language server: the transport (--stdio, --node-ipc, --socket=N)
// comes from the command line, as VS Code and other editors pass it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
