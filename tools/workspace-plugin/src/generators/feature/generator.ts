import { generateFiles, joinPathFragments, readProjectConfiguration, Tree } from '@nx/devkit';
import { nameForms } from '../../naming/name-forms';
import { addLazyRoute, singleQuoted } from './add-lazy-route';
import { readGeneratedOperation } from './generated-operation';
import { FeatureGeneratorSchema } from './schema';

/**
 * `nx g @streaming/workspace-plugin:feature watch-parties --operation listCatalog`: a lazy, guarded page in
 * client/src/app/features/watch-parties/ that loads that operation of the generated client, with a
 * spec that fails when the page stops calling it.
 */
export async function featureGenerator(tree: Tree, options: FeatureGeneratorSchema): Promise<void> {
  const project = readProjectConfiguration(tree, options.project ?? 'client');
  const appDirectory = joinPathFragments(project.sourceRoot ?? joinPathFragments(project.root, 'src'), 'app');
  const feature = nameForms(options.name);
  const title = options.title?.trim() || feature.words.charAt(0).toUpperCase() + feature.words.slice(1);
  const featureDirectory = joinPathFragments(appDirectory, 'features', feature.fileName);
  if (tree.exists(featureDirectory)) throw new Error(`${featureDirectory} already exists; pick another name or remove it first`);
  if (!options.operation?.trim()) throw new Error('--operation is required: the generated client operation the page loads, e.g. --operation listCatalog');
  const operation = readGeneratedOperation(tree, options.operation.trim());

  generateFiles(tree, joinPathFragments(__dirname, 'files'), joinPathFragments(appDirectory, 'features'), {
    ...feature,
    ...operation,
    titleLiteral: singleQuoted(title),
    titleComment: title.replace(/\*\//g, '* /'),
    failureLiteral: singleQuoted(`${title} could not be loaded.`),
    htmlTitle: htmlText(title),
    sampleAnswer: operation.listsItems
      ? "{ items: [{ id: 'first', name: 'First' }, { id: 'second', name: 'Second' }], cursor: null }"
      : "{ id: 'sample', name: 'Sample' }",
    tmpl: '',
  });
  addLazyRoute(tree, joinPathFragments(appDirectory, 'app.routes.ts'), {
    path: feature.fileName,
    title,
    componentPath: `./features/${feature.fileName}/${feature.fileName}-page`,
    componentClass: `${feature.className}Page`,
  });
}

/** Text safe inside an Angular template: HTML-escaped, and no interpolation or block syntax. */
function htmlText(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '{': '&#123;', '}': '&#125;', '@': '&#64;' };
  return text.replace(/[&<>"{}@]/g, (character) => entities[character]);
}

export default featureGenerator;
