import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The subset of JSON Schema the committed spec uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  multipleOf?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

export interface Operation {
  operationId: string;
  method: string;
  /** OpenAPI template, e.g. `/me/list/{titleId}`. */
  path: string;
  secured: boolean;
  pathParams: string[];
  /** The values a path parameter's schema allows, when it lists them (an enum), by parameter. */
  pathEnums: (string[] | undefined)[];
  queryParams: { name: string; schema: Schema }[];
  body?: Schema;
}

interface OpenApiDocument {
  security?: unknown[];
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface RawOperation {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export const OPENAPI_PATH = resolve(__dirname, '../../../../openapi/openapi.json');

/** Every operation of the committed spec, with `$ref`s resolved, read fresh at test time. */
export function readOperations(file = OPENAPI_PATH): Operation[] {
  const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  const deref = (schema: Schema): Schema => {
    if (schema.$ref) return deref(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf?.length === 1) return deref(schema.allOf[0]);
    if (!schema.properties) return schema;
    return { ...schema, properties: Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, deref(property)])) };
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const security = raw.security ?? document.security ?? [];
      const parameters = raw.parameters ?? [];
      const bodySchema = raw.requestBody?.content['application/json']?.schema;
      operations.push({
        operationId: raw.operationId,
        method: method.toUpperCase(),
        path,
        secured: security.length > 0,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        pathEnums: parameters.filter((parameter) => parameter.in === 'path').map(({ schema }) => deref(schema)?.enum?.map(String)),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map(({ name, schema }) => ({ name, schema: deref(schema) })),
        body: bodySchema && deref(bodySchema),
      });
    }
  }
  return operations;
}
