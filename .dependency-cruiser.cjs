/**
 * The rules of the house, checked by `npm test` (dependency-cruiser): no import cycles, and the
 * layers one way. The simulation core must run in a browser: it imports nothing from the edge
 * (commands, jobs, reports, charts, files) and no Node API. docs/architecture.md draws the layers.
 */

/** The pure simulation core, and the statistics that analyse its runs (sensitivity, scenario discovery). */
const CORE = '^src/(world|engine|agents|policies|market|simulation|metrics|books|analysis)/';
/** The edge: commands, job kinds and the machinery that runs them, reports, charts, files, the explorer. */
const EDGE = '^src/(cli|jobs|batch|report|render|io|explorer)/';
/** The explorer's page and its Web Worker: bundled for the browser by src/explorer/server/bundle.ts. */
const PAGE = '^src/explorer/page/';
/** npm packages that need Node (threads, files, a terminal, a native canvas). */
const NODE_ONLY_PACKAGES = '^(piscina|canvas|chartjs-node-canvas|proper-lockfile|cli-progress)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the files in it depend on each other, so none can be read, tested or moved alone. Move the shared definition into a file of its own.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-edge',
      severity: 'error',
      comment: 'The simulation core imports nothing from the commands, jobs, reports, charts or files: what it needs from there belongs in the core, or is passed in.',
      from: { path: CORE },
      to: { path: EDGE },
    },
    {
      name: 'core-imports-no-node',
      severity: 'error',
      comment: 'The simulation core runs in a browser: no Node API (fs, path, process, worker_threads, os, crypto, url...) and no package that needs Node.',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-no-node-package',
      severity: 'error',
      comment: 'The simulation core runs in a browser: no package that needs Node (threads, files, a terminal, a native canvas).',
      from: { path: CORE },
      to: { path: NODE_ONLY_PACKAGES },
    },
    {
      name: 'page-runs-in-a-browser',
      comment: 'The explorer page and its worker run in a browser: no Node API, no package that needs Node, nothing of the commands or the server. They share the core, the config layer and the chart definitions with the command line.',
      severity: 'error',
      from: { path: PAGE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'page-imports-nothing-node-only',
      severity: 'error',
      comment: 'The explorer page runs in a browser: no package that needs Node, nothing of src/cli, src/io, src/jobs or the explorer server, of src/batch only its seeds.',
      from: { path: PAGE },
      to: { path: [NODE_ONLY_PACKAGES, '^src/(cli|io|jobs)/', '^src/batch/(?!seeds\\.ts$)', '^src/explorer/server/', '^src/render/render-(charts|configs)\\.ts$'] },
    },
    {
      name: 'only-the-page-imports-the-page',
      severity: 'error',
      comment: 'The page is bundled, never imported: the server names its entry points to esbuild.',
      from: { path: '^src/', pathNot: PAGE },
      to: { path: PAGE },
    },
    {
      name: 'nothing-below-the-cli-imports-it',
      severity: 'error',
      comment: 'src/cli is the top: entry points, the staged run, the pool. Job kinds, the machinery and the builders below it never import it.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'machinery-knows-no-kind',
      severity: 'error',
      comment: 'The shared machinery serves every kind through src/jobs/job-kind.ts; only the registry (src/jobs/registry.ts) imports a kind.',
      from: { path: '^src/', pathNot: '^src/jobs/' },
      to: { path: '^src/jobs/[^/]+/' },
    },
    {
      name: 'kinds-apart',
      severity: 'error',
      comment: 'A kind does not import another kind: what two kinds share goes in src/jobs/ itself, or below.',
      from: { path: '^src/jobs/([^/]+)/' },
      to: { path: '^src/jobs/[^/]+/', pathNot: '^src/jobs/$1/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '\\.d\\.ts$' },
  },
};
