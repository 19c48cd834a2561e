// Bundles the extension. Two entry points: `extension` (activation path, tiny)
// and `network` (undici and the HTTP client), required lazily on first use so
// activation never pays for loading undici.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

/** VS Code's icon font for the webviews (the creation form), copied from @vscode/codicons into dist/codicons/. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in a format VS Code's esbuild problem matcher understands. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  copyCodicons();
  const ctx = await esbuild.context({
    entryPoints: { extension: 'src/extension.ts', network: 'src/network.ts' },
    bundle: true,
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    external: ['vscode'],
    logLevel: 'silent',
    plugins: watch ? [problemMatcherPlugin] : [],
  });
  if (watch) {
    await ctx.watch();
  } else {
    await ctx.rebuild();
    await ctx.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
