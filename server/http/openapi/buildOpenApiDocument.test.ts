import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocRequestSchema } from '../../../shared/api/schemas';
import { buildOpenApiDocument } from './buildOpenApiDocument';
import type { OperationObject } from './OpenApiDocument';
import { Access, type RouteSpec, Tag } from './RouteSpec';

const document = buildOpenApiDocument({ cookieName: 'jianyan_session' });
const operations: Array<{ path: string; method: string; operation: OperationObject }> = Object.entries(
  document.paths,
).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as OperationObject })),
);

/** Every `$ref` anywhere in `value`, with where it was found. */
function refsIn(value: unknown, at: string): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [{ ref: item, at }] : refsIn(item, `${at}/${key}`),
  );
}

/** The value a local JSON pointer (`#/components/schemas/DocRecord`) names; undefined when none. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function templateParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

describe('the OpenAPI description', () => {
  it('is OpenAPI 3.1 with the two security schemes of docs/API.md', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'jianyan_session',
    });
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('has every $ref resolve inside the document', () => {
    const refs = refsIn(document, '#');
    expect(refs.length).toBeGreaterThan(50);
    const dangling = refs.filter(({ ref }) => resolvePointer(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('declares every path parameter, and none that the path lacks', () => {
    const wrong = operations.flatMap(({ path, method, operation }) => {
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.required).map((p) => p.name);
      const expected = templateParams(path);
      const isSame = declared.length === expected.length && expected.every((name) => declared.includes(name));
      return isSame ? [] : [`${method.toUpperCase()} ${path}: declares ${declared.join(', ') || 'none'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('has unique operation ids and no two paths that differ only in parameter names', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const shapes = Object.keys(document.paths).map((path) => path.replace(/\{[^}]+\}/g, '{}'));
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('gives every operation a success answer, a description for each answer, and known schemes and tags', () => {
    const schemes = Object.keys(document.components.securitySchemes);
    const tags = document.tags.map((tag) => tag.name);
    for (const { operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => status.startsWith('2')),
        operation.operationId,
      ).toBe(true);
      for (const response of Object.values(operation.responses)) {
        expect(response.description.length, operation.operationId).toBeGreaterThan(0);
      }
      for (const requirement of operation.security) {
        expect(
          Object.keys(requirement).every((name) => schemes.includes(name)),
          operation.operationId,
        ).toBe(true);
      }
      expect(
        operation.tags.every((tag) => tags.includes(tag)),
        operation.operationId,
      ).toBe(true);
    }
  });

  it('describes request bodies as sent: fields with a default are not required', () => {
    const schema = document.components.schemas.CreateDocRequest;
    expect(schema?.required).toEqual(['id', 'kind', 'groupId']);
    expect(schema?.properties).toHaveProperty('title', expect.objectContaining({ default: '', maxLength: 200 }));
    expect(Object.keys(createDocRequestSchema.shape)).toEqual(['id', 'kind', 'groupId', 'title']);
    expect(schema?.properties).toHaveProperty('id', {
      type: 'string',
      format: 'uuid',
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    });
  });

  it('asks no credential of public routes and allows none on signing out', () => {
    const byId = new Map(operations.map(({ operation }) => [operation.operationId, operation]));
    expect(byId.get('signIn')?.security).toEqual([]);
    expect(byId.get('getOpenApiDescription')?.security).toEqual([]);
    expect(byId.get('signOut')?.security).toContainEqual({});
    expect(byId.get('getDoc')?.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
  });

  it('answers errors with the error schema, naming what the route adds', () => {
    const createDoc = document.paths['/api/docs']?.post;
    expect(Object.keys(createDoc?.responses ?? {})).toEqual(['200', '201', '400', '401', '403', '404', '409']);
    expect(createDoc?.responses['409']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ApiError',
    });
    expect(createDoc?.responses['403']?.description).toContain('origin_refused');
    expect(document.paths['/api/session']?.post?.responses['429']?.headers).toHaveProperty('Retry-After');
  });

  it('refuses a table that names one operation id twice', () => {
    const route: RouteSpec = {
      method: 'get',
      path: '/a',
      operationId: 'same',
      tag: Tag.service,
      summary: 'a',
      who: 'Anyone.',
      access: Access.public,
      answers: { 200: { description: 'ok', schema: z.object({}) } },
    };
    const routes = [route, { ...route, path: '/b' }];
    expect(() => buildOpenApiDocument({ cookieName: 'c', routes })).toThrow(/two operations same/);
  });
});
