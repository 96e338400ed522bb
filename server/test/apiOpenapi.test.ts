import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocRequestSchema, setupStatusSchema } from '../../shared/api/schemas';
import { apiRequest } from './support/apiRequest';
import { setupTestServer } from './support/setupTestServer';

const ctx = setupTestServer();

/** Enough of the document to walk it: the rest is checked by the unit tests of its builder. */
const jsonSchema = z.looseObject({
  type: z.string().optional(),
  required: z.array(z.string()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
const mediaSchema = z.record(z.string(), z.object({ schema: z.looseObject({ $ref: z.string().optional() }) }));
const operationSchema = z.looseObject({
  operationId: z.string(),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  requestBody: z.object({ required: z.boolean(), content: mediaSchema }).optional(),
  responses: z.record(z.string(), z.looseObject({ content: mediaSchema.optional() })),
});
const documentSchema = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.record(z.string(), operationSchema)),
  components: z.looseObject({
    schemas: z.record(z.string(), jsonSchema),
    securitySchemes: z.record(z.string(), z.looseObject({ type: z.string(), name: z.string().optional() })),
  }),
});
type Description = z.infer<typeof documentSchema>;

async function fetchDescription(): Promise<Description> {
  const answer = await apiRequest(ctx.server.url, 'GET', '/api/openapi.json');
  expect(answer.status).toBe(200);
  return documentSchema.parse(answer.body);
}

/** The JSON Schema a `$ref` of the document names. */
function component(description: Description, ref: string | undefined): z.infer<typeof jsonSchema> {
  const name = ref?.replace('#/components/schemas/', '') ?? '';
  const schema = description.components.schemas[name];
  if (schema === undefined) {
    throw new Error(`The description has no schema ${ref}`);
  }
  return schema;
}

/** The fields a zod object schema refuses to go without: those that do not accept undefined. */
function requiredFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

describe('GET /api/openapi.json', () => {
  it('is served without sign-in, as JSON that may be cached and revalidated', async () => {
    const answer = await apiRequest(ctx.server.url, 'GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=3600');
    const etag = answer.headers.get('etag') ?? '';
    // Sent gzip-compressed to a client that accepts it, so the tag is weak (W/): it still revalidates.
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const again = await apiRequest(ctx.server.url, 'GET', '/api/openapi.json', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
  });

  it('leaves the rest of the API out of caches', async () => {
    expect((await apiRequest(ctx.server.url, 'GET', '/api/setup')).headers.get('cache-control')).toBe('no-store');
  });

  it('is OpenAPI 3.1 and names the session cookie this server reads', async () => {
    const description = await fetchDescription();
    expect(description.openapi).toMatch(/^3\.1\./);
    expect(description.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      name: 'jianyan_session',
    });
    expect(description.components.securitySchemes.bearerToken).toMatchObject({ type: 'http' });
  });

  it('describes POST /api/docs with the fields the server requires, signed in', async () => {
    const description = await fetchDescription();
    const createDoc = description.paths['/api/docs']?.post;
    expect(createDoc?.operationId).toBe('createDoc');
    expect(createDoc?.requestBody?.required).toBe(true);
    const body = component(description, createDoc?.requestBody?.content['application/json']?.schema.$ref);
    expect(requiredFields(createDocRequestSchema)).toEqual(['id', 'kind', 'groupId']);
    expect(body.required).toEqual(requiredFields(createDocRequestSchema));
    expect(Object.keys(body.properties ?? {})).toEqual(Object.keys(createDocRequestSchema.shape));
    expect(createDoc?.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
    expect(Object.keys(createDoc?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
  });

  it('describes GET /api/setup as what the server really answers', async () => {
    const description = await fetchDescription();
    const getSetup = description.paths['/api/setup']?.get;
    expect(getSetup?.security).toEqual([]);
    const answerSchema = component(description, getSetup?.responses['200']?.content?.['application/json']?.schema.$ref);
    const answer = await apiRequest(ctx.server.url, 'GET', '/api/setup');
    expect(setupStatusSchema.parse(answer.body)).toEqual(answer.body);
    expect(Object.keys(answer.body as object).sort()).toEqual([...(answerSchema.required ?? [])].sort());
  });

  it('describes the review routes with their path parameter', async () => {
    const description = await fetchDescription();
    const transition = description.paths['/api/docs/{id}/transitions']?.post;
    expect(transition?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    const body = component(description, transition?.requestBody?.content['application/json']?.schema.$ref);
    expect(body.required).toEqual(expect.arrayContaining(['action', 'fromStatus', 'requestId']));
  });
});
