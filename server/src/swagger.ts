import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEFORE_PROFILE_CHOICE_EXTENSION } from './common/decorators/before-profile-choice.decorator';
import { PUBLIC_OPERATION_EXTENSION } from './common/decorators/public.decorator';
import { AppConfig } from './config/app-config';

const BEARER_SCHEME = 'bearer';
const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type MarkedOperation = OperationObject & Partial<Record<typeof PUBLIC_OPERATION_EXTENSION | typeof BEFORE_PROFILE_CHOICE_EXTENSION, boolean>>;

const LOCKED_FIRST_PROFILE = 'The account’s first profile is locked and this login has chosen no profile: choose one (with its PIN) first';

/** The OpenAPI document of the running app: the source of openapi/openapi.json and /docs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Streaming API')
    .setDescription('Sign up, browse the catalog, play adaptive HLS streams, resume where you left off.')
    .setVersion('1.0.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer(app.get(AppConfig).publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `jwt` from /auth/login or /auth/signup' }, BEARER_SCHEME)
    // Any route may meet a database that is out of reach, or a request Node or the body reader refuses; the answer is the same everywhere.
    .addGlobalResponse({
      status: 503,
      description: 'Not able to serve right now (the database is out of reach, or too many passwords are waiting to be checked); try again after Retry-After seconds',
      content: ERROR_CONTENT,
      headers: { 'Retry-After': { description: 'Seconds until another attempt is worthwhile', schema: { type: 'integer' } } },
    })
    .addGlobalResponse({ status: 413, description: 'Request body larger than 100 kB, whatever its content type', content: ERROR_CONTENT })
    .addGlobalResponse({ status: 415, description: 'A request body that is not JSON (send Content-Type: application/json)', content: ERROR_CONTENT })
    .addGlobalResponse({ status: 431, description: 'Request line and headers larger than Node’s limit (16 kB)', content: ERROR_CONTENT })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  documentRouteSecurity(document);
  unwrapLoneAllOf(document);
  return document;
}

/**
 * Mirrors the global JWT guard: a `@Public()` operation needs no credentials (`security: []`), every
 * other one the bearer token, so a controller cannot be guarded and documented as open.
 */
function documentRouteSecurity(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: MarkedOperation | undefined = pathItem[method];
      if (!operation) continue;
      const isPublic = operation[PUBLIC_OPERATION_EXTENSION] === true;
      const beforeProfileChoice = operation[BEFORE_PROFILE_CHOICE_EXTENSION] === true;
      delete operation[PUBLIC_OPERATION_EXTENSION];
      delete operation[BEFORE_PROFILE_CHOICE_EXTENSION];
      operation.security = isPublic ? [] : (operation.security ?? [{ [BEARER_SCHEME]: [] }]);
      if (!isPublic && !beforeProfileChoice) documentLockedFirstProfile(operation);
    }
  }
}

/** The guard's 403 for a login that has chosen no profile while the first one is locked (see BeforeProfileChoice). */
function documentLockedFirstProfile(operation: OperationObject): void {
  const existing = operation.responses['403'] as { description?: string } | undefined;
  if (existing?.description) existing.description = `${existing.description}; or: ${LOCKED_FIRST_PROFILE}`;
  else operation.responses['403'] = { description: LOCKED_FIRST_PROFILE, content: ERROR_CONTENT };
}

/**
 * Nest wraps every reference to a named enum in a one-item `allOf` so it can carry siblings; with no
 * sibling the plain `$ref` says the same, and generators and linters read it more simply.
 */
function unwrapLoneAllOf(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const schema = node as { allOf?: unknown; $ref?: string };
  const lone = Array.isArray(schema.allOf) && schema.allOf.length === 1 && Object.keys(schema).length === 1 ? schema.allOf[0] : undefined;
  if (isBareRef(lone)) {
    delete schema.allOf;
    schema.$ref = lone.$ref;
  }
  Object.values(node).forEach(unwrapLoneAllOf);
}

function isBareRef(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as { $ref?: unknown }).$ref === 'string';
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
