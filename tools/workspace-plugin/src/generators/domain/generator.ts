import { generateFiles, joinPathFragments, logger, readProjectConfiguration, Tree } from '@nx/devkit';
import { nameForms, pluralOf } from '../../naming/name-forms';
import { registerNestModule } from './register-nest-module';
import { registerRepositoryContract } from './register-repository-contract';
import { registerSchema } from './register-schema';
import { registerStoragePort } from './register-storage-port';
import { DomainGeneratorSchema } from './schema';
import { refuseTakenSchemaNames } from './taken-schema-names';

/**
 * `nx g @streaming/workspace-plugin:domain watch-party`: server/src/watch-party/ (its table, port,
 * in-memory and PostgreSQL repositories), its API test and repository contract, registered in
 * AppModule, the schema index, StorageModule's PORTS table and the contract spec.
 */
export async function domainGenerator(tree: Tree, options: DomainGeneratorSchema): Promise<() => void> {
  const project = readProjectConfiguration(tree, options.project ?? 'server');
  const sourceRoot = project.sourceRoot ?? joinPathFragments(project.root, 'src');
  const singular = nameForms(options.name);
  const plural = nameForms(options.plural ?? pluralOf(singular.fileName));
  if (plural.fileName === singular.fileName) throw new Error(`The plural of "${singular.fileName}" must differ from it: pass --plural`);
  const moduleDirectory = joinPathFragments(sourceRoot, singular.fileName);
  if (tree.exists(moduleDirectory)) throw new Error(`${moduleDirectory} already exists; pick another name or remove it first`);
  // The generated table references users, takes its order from activity_seq and is queried through DatabaseClient.
  for (const required of ['users/users.schema.ts', 'database/activity-sequence.schema.ts', 'database/database-client.ts']) {
    const path = joinPathFragments(sourceRoot, required);
    if (!tree.exists(path)) throw new Error(`The generated repositories need ${path}, which does not exist`);
  }
  const tableName = plural.fileName.replace(/-/g, '_');
  const tableConstName = plural.propertyName;
  refuseTakenSchemaNames(tree, sourceRoot, tableName, tableConstName);

  generateFiles(tree, joinPathFragments(__dirname, 'files'), project.root, {
    ...singular,
    constantName: singular.fileName.replace(/-/g, '_').toUpperCase(),
    idPrefix: singular.fileName.replace(/-/g, '_'),
    sentenceWords: singular.words.charAt(0).toUpperCase() + singular.words.slice(1),
    pluralFileName: plural.fileName,
    pluralClassName: plural.className,
    pluralPropertyName: plural.propertyName,
    pluralWords: plural.words,
    tableName,
    tableConstName,
    tmpl: '',
  });

  const domainPath = `../${singular.fileName}`;
  registerNestModule(tree, joinPathFragments(sourceRoot, 'app.module.ts'), `${singular.className}Module`, `./${singular.fileName}/${singular.fileName}.module`);
  registerSchema(tree, joinPathFragments(sourceRoot, 'database/schema.ts'), `${domainPath}/${singular.fileName}.schema`);
  registerStoragePort(tree, joinPathFragments(sourceRoot, 'storage/storage.module.ts'), {
    port: { className: `${singular.className}Repository`, importPath: `${domainPath}/${singular.fileName}.repository` },
    memory: { className: `InMemory${singular.className}Repository`, importPath: `${domainPath}/in-memory-${singular.fileName}.repository` },
    postgres: { className: `Postgres${singular.className}Repository`, importPath: `${domainPath}/postgres-${singular.fileName}.repository` },
  });
  registerRepositoryContract(
    tree,
    joinPathFragments(project.root, 'test/contracts/repositories.contract.spec.ts'),
    `${plural.propertyName}Contract`,
    `./${singular.fileName}.contract`,
  );

  return () => {
    logger.info(
      [
        `Next steps for ${singular.words}:`,
        `  1. npm run db:generate -- --name=${tableName}`,
        `     drizzle-kit writes the migration that creates the ${tableName} table into ${joinPathFragments(sourceRoot, 'database/migrations')}/: read it and commit it (the API tests and the migrations check need it).`,
        `  2. npm run openapi`,
        `     GET and POST /${plural.fileName} are new routes: this regenerates the contract and the client.`,
      ].join('\n'),
    );
  };
}

export default domainGenerator;
