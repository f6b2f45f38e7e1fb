import { generateFiles, joinPathFragments, logger, readProjectConfiguration, Tree } from '@nx/devkit';
import { nameForms, pluralOf } from '../../naming/name-forms';
import { registerNestModule } from './register-nest-module';
import { DomainGeneratorSchema } from './schema';

/** `nx g @streaming/workspace-plugin:domain watch-party`: server/src/watch-party/ plus its API test, registered in AppModule. */
export async function domainGenerator(tree: Tree, options: DomainGeneratorSchema): Promise<() => void> {
  const project = readProjectConfiguration(tree, options.project ?? 'server');
  const sourceRoot = project.sourceRoot ?? joinPathFragments(project.root, 'src');
  const singular = nameForms(options.name);
  const plural = nameForms(options.plural ?? pluralOf(singular.fileName));
  if (plural.fileName === singular.fileName) throw new Error(`The plural of "${singular.fileName}" must differ from it: pass --plural`);
  const moduleDirectory = joinPathFragments(sourceRoot, singular.fileName);
  if (tree.exists(moduleDirectory)) throw new Error(`${moduleDirectory} already exists; pick another name or remove it first`);

  generateFiles(tree, joinPathFragments(__dirname, 'files'), project.root, {
    ...singular,
    constantName: singular.fileName.replace(/-/g, '_').toUpperCase(),
    idPrefix: singular.fileName.replace(/-/g, '_'),
    sentenceWords: singular.words.charAt(0).toUpperCase() + singular.words.slice(1),
    pluralFileName: plural.fileName,
    pluralClassName: plural.className,
    pluralPropertyName: plural.propertyName,
    pluralWords: plural.words,
    tmpl: '',
  });
  registerNestModule(
    tree,
    joinPathFragments(sourceRoot, 'app.module.ts'),
    `${singular.className}Module`,
    `./${singular.fileName}/${singular.fileName}.module`,
  );

  return () => {
    logger.info(`GET and POST /${plural.fileName} are new routes: run "npm run openapi" to regenerate the contract and the client.`);
  };
}

export default domainGenerator;
