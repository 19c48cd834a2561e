import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const provider: vscode.TreeDataProvider<string> = {
    getChildren: () => [],
    getTreeItem: (id) => new vscode.TreeItem(id),
  };
  context.subscriptions.push(vscode.window.createTreeView('veo.tasks', { treeDataProvider: provider }));
}

export function deactivate(): void {}
