import type * as Y from 'yjs';
import { ContentField, DocKind } from './documentSchema';
import { UUID_PATTERN } from './ids';

/**
 * The structured fields of each kind of document (基本信息), kept in the content document's root
 * map `fields` (ContentField.fields): one entry per field, its value a plain JSON value (a string,
 * a boolean or an array of strings), never a nested Y type. Concurrent edits of one field resolve
 * as Yjs resolves a map entry: the last writer wins for that field, other fields are untouched.
 * An absent entry is an empty field. The relay judges every write by RULES.md D7 (`judgeFieldValue`).
 *
 * The 案由 is the title; the proposer, co-signers and authors come from the document's record.
 */

/** How a field's value is typed and bounded. */
export type FieldType =
  | { readonly type: 'text'; readonly maxLength: number }
  | { readonly type: 'category' }
  | { readonly type: 'boolean' }
  | { readonly type: 'unitIds'; readonly maxItems: number };

export interface FieldDefinition {
  readonly key: string;
  readonly spec: FieldType;
  /** The label in the committee's language; the client translates by key. */
  readonly label: string;
}

/** How many suggested units (建议承办单位) a proposal may name. */
export const MAX_SUGGESTED_UNITS = 5;
/** A category id: what the secretariat's list (committee settings) names categories by. */
export const CATEGORY_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const shortText = { type: 'text', maxLength: 50 } as const;
const longText = { type: 'text', maxLength: 200 } as const;

/** The field keys of every kind. */
export const FieldKey = {
  sector: 'sector',
  category: 'category',
  suggestedUnitIds: 'suggestedUnitIds',
  publishable: 'publishable',
  topic: 'topic',
  researchTime: 'researchTime',
  researchPlace: 'researchPlace',
  participants: 'participants',
  region: 'region',
} as const;
export type FieldKey = (typeof FieldKey)[keyof typeof FieldKey];

/** The fields of each kind, in the order the form shows them. */
export const FIELDS_BY_KIND: { readonly [K in DocKind]: readonly FieldDefinition[] } = {
  [DocKind.proposal]: [
    { key: FieldKey.sector, spec: shortText, label: '界别' },
    { key: FieldKey.category, spec: { type: 'category' }, label: '类别' },
    {
      key: FieldKey.suggestedUnitIds,
      spec: { type: 'unitIds', maxItems: MAX_SUGGESTED_UNITS },
      label: '建议承办单位',
    },
    { key: FieldKey.publishable, spec: { type: 'boolean' }, label: '是否同意公开' },
  ],
  [DocKind.researchReport]: [
    { key: FieldKey.topic, spec: longText, label: '调研主题' },
    { key: FieldKey.researchTime, spec: { type: 'text', maxLength: 100 }, label: '调研时间' },
    { key: FieldKey.researchPlace, spec: longText, label: '调研地点' },
    { key: FieldKey.participants, spec: { type: 'text', maxLength: 1000 }, label: '参加人员' },
  ],
  [DocKind.socialInfo]: [
    { key: FieldKey.region, spec: { type: 'text', maxLength: 100 }, label: '反映地区' },
    { key: FieldKey.category, spec: { type: 'category' }, label: '类别' },
  ],
};

/** A field's value: text and category ids are strings, `publishable` a boolean, units an id list. */
export type FieldValue = string | boolean | string[];
/** The fields of one document as plain values, by key; absent keys are empty. */
export type DocFields = { readonly [key: string]: FieldValue };

/** The definition of `key` for `kind`; null when the kind has no such field. */
export function fieldDefinition(kind: DocKind, key: string): FieldDefinition | null {
  return FIELDS_BY_KIND[kind].find((definition) => definition.key === key) ?? null;
}

/** Why a value is refused for a field; null when it is a valid value. */
export function fieldValueProblem(kind: DocKind, key: string, value: unknown): string | null {
  const definition = fieldDefinition(kind, key);
  if (definition === null) {
    return `${kind} has no field ${JSON.stringify(key.slice(0, 40))}`;
  }
  const { spec } = definition;
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') {
        return `fields.${key} must be text`;
      }
      return value.length > spec.maxLength ? `fields.${key} is longer than ${spec.maxLength} characters` : null;
    case 'category':
      return typeof value === 'string' && (value === '' || CATEGORY_ID_PATTERN.test(value))
        ? null
        : `fields.${key} must be a category id`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `fields.${key} must be true or false`;
    case 'unitIds':
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && UUID_PATTERN.test(id))) {
        return `fields.${key} must be a list of unit ids`;
      }
      if (new Set(value).size !== value.length) {
        return `fields.${key} names a unit twice`;
      }
      return value.length > spec.maxItems ? `fields.${key} names more than ${spec.maxItems} units` : null;
  }
}

/** Whether `value` is a valid value of the field. */
export function isFieldValue(kind: DocKind, key: string, value: unknown): value is FieldValue {
  return fieldValueProblem(kind, key, value) === null;
}

/**
 * The valid fields of a plain object (what the record stores, what a map holds): known keys of the
 * kind with valid values, others left out. Used to read untrusted data back (IndexedDB, rows).
 */
export function pickFields(kind: DocKind, raw: unknown): DocFields {
  const result: Record<string, FieldValue> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return result;
  }
  for (const { key } of FIELDS_BY_KIND[kind]) {
    const value: unknown = (raw as Record<string, unknown>)[key];
    if (value !== undefined && isFieldValue(kind, key, value)) {
      result[key] = value;
    }
  }
  return result;
}

/** The fields of a content document as plain values, valid ones only. */
export function readFields(doc: Y.Doc, kind: DocKind): DocFields {
  return pickFields(kind, doc.getMap(ContentField.fields).toJSON());
}

/**
 * Sets one field in the content document (in one transaction), or clears it with null. Throws for
 * a key or value D7 refuses: the app never sends what the relay would refuse.
 */
export function writeField(doc: Y.Doc, kind: DocKind, key: string, value: FieldValue | null): void {
  const map = doc.getMap<unknown>(ContentField.fields);
  if (value === null) {
    if (map.has(key)) {
      map.delete(key);
    }
    return;
  }
  const problem = fieldValueProblem(kind, key, value);
  if (problem !== null) {
    throw new Error(`Cannot set the field: ${problem}`);
  }
  const current: unknown = map.get(key);
  if (JSON.stringify(current) !== JSON.stringify(value)) {
    map.set(key, Array.isArray(value) ? [...value] : value);
  }
}
