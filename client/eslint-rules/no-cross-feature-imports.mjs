import { dirname, relative, resolve, sep } from 'node:path';

// client/src/app/features/<name>/…: a feature is one lazy route; what two of them share belongs in shared/ or core/.
const FEATURES_ROOT = resolve(import.meta.dirname, '../src/app/features');

/** The feature folder a file lies in, or null when it lies outside features/. */
function featureOf(file) {
  const path = relative(FEATURES_ROOT, file);
  if (path === '' || path.startsWith('..') || resolve(FEATURES_ROOT, path) !== file) return null;
  const [feature, ...rest] = path.split(sep);
  return rest.length > 0 ? feature : null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    docs: { description: 'A feature may not import from another feature; move what they share to shared/ or core/.' },
    messages: {
      crossFeature: 'Feature "{{from}}" may not import from feature "{{to}}" ({{source}}): move what they share to shared/ or core/.',
    },
    schema: [],
  },
  create(context) {
    const from = featureOf(resolve(context.filename));
    if (!from) return {};
    const checkPath = (node) => {
      const source = node?.type === 'Literal' ? node.value : undefined;
      // Packages (@angular/…, @streaming/api) are no feature's; only paths can reach into one.
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = featureOf(resolve(dirname(resolve(context.filename)), source));
      if (to && to !== from) context.report({ node, messageId: 'crossFeature', data: { from, to, source } });
    };
    const checkModule = (node) => checkPath(node.source);
    return {
      ImportDeclaration: checkModule,
      ExportNamedDeclaration: checkModule,
      ExportAllDeclaration: checkModule,
      ImportExpression: checkModule,
      // A component's template and styles are imports too, made by the Angular compiler.
      'Property[key.name=/^(templateUrl|styleUrl)$/]': (node) => checkPath(node.value),
      'Property[key.name="styleUrls"] > ArrayExpression > Literal': checkPath,
    };
  },
};
