/** The parts of an OpenAPI 3.1 document that the description uses. */

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A body of one media type. */
export interface MediaType {
  readonly schema: JsonSchema;
}

/** One answer of an operation. */
export interface ResponseObject {
  readonly description: string;
  readonly content?: Readonly<Record<string, MediaType>>;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: JsonSchema }>>;
}

/** A path or query parameter (the API takes no header parameters of its own). */
export interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

/** What an operation takes as its body. */
export interface RequestBodyObject {
  readonly required: true;
  readonly description?: string;
  readonly content: Readonly<Record<string, MediaType>>;
}

/** Each entry names security schemes that together authenticate; an empty one means none. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

/** One method on one path. */
export interface OperationObject {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly security: readonly SecurityRequirement[];
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: RequestBodyObject;
  readonly responses: Readonly<Record<string, ResponseObject>>;
}

/** The operations of one path, by method. */
export type PathItem = Partial<Record<'get' | 'head' | 'post' | 'put' | 'patch' | 'delete', OperationObject>>;

/** How a request proves who sends it: the session cookie or a Bearer token. */
export interface SecurityScheme {
  readonly type: 'apiKey' | 'http';
  readonly description: string;
  readonly in?: 'cookie';
  readonly name?: string;
  readonly scheme?: 'bearer';
}

/** The whole description, as `GET /api/openapi.json` answers it. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly tags: readonly { readonly name: string }[];
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
  };
}
