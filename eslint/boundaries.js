// The house's module boundaries (docs/modules.md), as an ESLint rule of a local plugin:
// - src/platform/** is shared machinery: it imports nothing from src/modules/**, src/cli/**, src/testing/** or src/app.ts.
// - a file of src/modules/<a>/ imports another module <b> only through src/modules/<b>/index.ts; tests (*.test.ts[x])
//   and test fixtures (testing.ts) may also use <b>/testing.ts, the fixtures <b> offers to other modules' tests.
// Relative specifiers are resolved against the importing file; bare ones (packages, node:) are not this rule's concern.
import path from 'node:path';

const posix = (p) => p.split(path.sep).join('/');

/** Why `target` may not be imported from `file` (both relative to the project root), or null. */
export function boundaryViolation(file, target) {
  if (file.startsWith('src/platform/')) {
    if (target.startsWith('src/modules/') || target.startsWith('src/cli/') || target.startsWith('src/testing/') || target === 'src/app.ts') {
      return `platform/ knows nothing of the app: it may not import ${target}`;
    }
    return null;
  }
  const from = /^src\/modules\/([^/]+)\//.exec(file);
  const to = /^src\/modules\/([^/]+)\/(.+)$/.exec(target);
  if (!from || !to || from[1] === to[1]) return null;
  if (to[2] === 'index.ts') return null;
  const isTest = /\.test\.tsx?$/.test(file) || /(^|\/)testing\.ts$/.test(file);
  if (isTest && to[2] === 'testing.ts') return null;
  return `module ${from[1]} may use module ${to[1]} only through src/modules/${to[1]}/index.ts${isTest ? ' (or its testing.ts)' : ''}, not ${target}`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'keep platform/ free of the app, and modules talking to each other only through index.ts' },
    schema: [],
    messages: { boundary: '{{why}}' },
  },
  create(context) {
    const file = posix(path.relative(context.cwd, context.filename));
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = posix(path.relative(context.cwd, path.resolve(path.dirname(context.filename), source.value)));
      const why = boundaryViolation(file, target);
      if (why) context.report({ node: source, messageId: 'boundary', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export const boundariesPlugin = { meta: { name: 'egov-boundaries' }, rules: { 'module-boundaries': rule } };
