import tseslint from 'typescript-eslint';

/**
 * The only files of `src/` that may import `vscode`. Every other module is pure: it runs
 * in plain Node and is unit-tested there. A new file is pure unless it is listed here.
 */
const VSCODE_SIDE = [
  'src/extension.ts',
  'src/testApi.ts',
  'src/auth/apiKeyStore.ts',
  'src/auth/keyState.ts',
  'src/chat/registerChatTools.ts',
  'src/chat/toolResult.ts',
  'src/chat/*Tool.ts',
  'src/commands/**/*.ts',
  'src/config/configuration.ts',
  'src/config/baseUrlNotice.ts',
  'src/create/createForm.ts',
  'src/create/promptFileLenses.ts',
  'src/download/downloadDirectory.ts',
  'src/download/downloadManager.ts',
  'src/download/expiryWatcher.ts',
  'src/log/logger.ts',
  'src/links/terminalTaskLinks.ts',
  'src/links/taskUriHandler.ts',
  'src/links/trackOrReveal.ts',
  'src/links/trackIdsInText.ts',
  'src/notifications/**/*.ts',
  'src/polling/pollingController.ts',
  'src/preview/previewManager.ts',
  'src/preview/previewPanel.ts',
  'src/statusBar/**/*.ts',
  'src/treeViews/icons.ts',
  'src/treeViews/tasksTreeProvider.ts',
  'src/treeViews/tasksView.ts',
  'src/treeViews/taskDecorations.ts',
  'src/ui/**/*.ts',
  'src/windows/windowLeadership.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'sim/**/*.ts'],
    rules: {
      curly: ['warn', 'multi-line'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-throw-literal': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: VSCODE_SIDE,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Pure module: no `vscode` here (see VSCODE_SIDE in eslint.config.mjs and the README map).' }] },
      ],
    },
  },
  {
    // Notifications and progress render `[label](command:...)` as links: every message goes
    // through src/ui/notify.ts, which makes it plain text.
    files: ['src/**/*.ts'],
    ignores: ['src/ui/notify.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='window'][property.name=/^(show(Information|Warning|Error)Message|withProgress)$/]",
          message: 'Use showInfo/showWarning/showError/withNotificationProgress from src/ui/notify.ts: they keep outside text from becoming links.',
        },
      ],
    },
  },
);
