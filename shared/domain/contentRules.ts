import * as Y from 'yjs';
import { RelayReasonCode } from '../protocol/relayReasons';
import { fieldValueProblem } from './documentFields';
import {
  CONTENT_SCHEMA_VERSION,
  ContentField,
  DOC_KINDS,
  type DocKind,
  FILE_NODES_SCHEMA_VERSION,
  MetaKey,
  parseDocKind,
  readDocKind,
  readSchemaVersion,
} from './documentSchema';
import { FileNodeJudge } from './fileNodeRules';
import type { UserId } from './ids';
import { StructLocator, type StructPath } from './StructLocator';
import { TEMPLATE_CLIENT_ID, templateUpdate } from './templates';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

const AUTHORS_ROOT = ContentField.authors;

/** The rules of docs/RULES.md, "What the relay enforces in the content room and presence". */
export const ContentRule = {
  /** D1: authorship entries are written and deleted only under the writer's own user id. */
  authorshipKey: 'D1',
  /** D2: a user maps only client ids they own. */
  authorshipIds: 'D2',
  /** D3: `meta.schemaVersion` never exceeds the server's and never goes down. */
  schemaVersion: 'D3',
  /** D4: `meta.kind` is written once, to the record's kind, and never changed or deleted. */
  kind: 'D4',
  /** D5: no other `meta` field is written or deleted by a client. */
  serverFields: 'D5',
  /** D6: a client id belongs to the first user who wrote under it. */
  clientOwner: 'D6',
  /** D7: `fields` holds only the kind's fields, each a plain value of its type within its limits. */
  fields: 'D7',
  /** D8: a `photo` or `fileLink` in the body carries valid attributes (a SHA-256, an allowed type, sane sizes). */
  fileNodes: 'D8',
} as const;
export type ContentRule = (typeof ContentRule)[keyof typeof ContentRule];

export type ContentVerdict =
  /** `claims`: client ids the update brings that no one owns yet, now the writer's. */
  | { readonly kind: 'accept'; readonly claims: readonly number[] }
  | {
      readonly kind: 'refuse';
      readonly rule: ContentRule;
      readonly reason: RelayReasonCode;
      readonly detail: string;
    };

export interface ContentJudgeInput {
  /** The room's document, before the update is applied. */
  readonly doc: Y.Doc;
  readonly owners: ReadonlyMap<number, UserId>;
  /** The signed-in writer. */
  readonly userId: UserId;
  /** The document record's kind when the gate told it; null when unknown. */
  readonly docKind: DocKind | null;
  /** The newest content format the server knows; CONTENT_SCHEMA_VERSION unless it is told another. */
  readonly maxSchemaVersion?: number;
}

class Refusal extends Error {
  readonly rule: ContentRule;
  readonly reason: RelayReasonCode;

  constructor(rule: ContentRule, reason: RelayReasonCode, detail: string) {
    super(detail);
    this.rule = rule;
    this.reason = reason;
  }
}

function refuse(rule: ContentRule, reason: RelayReasonCode, detail: string): never {
  throw new Refusal(rule, reason, `${rule}: ${detail}`);
}

/**
 * Judges a checked update (every dependency present) of a content room against the rules D1-D8.
 * The relay refuses what this refuses; the app's own tests run its writes through it too.
 * Cheap for the usual keystroke: each new item is placed (StructLocator) and only items and
 * deletions in `meta`, `authors` or `fields`, and attributes in the body, are looked at closer.
 */
export function judgeContentUpdate(input: ContentJudgeInput, decoded: Decoded): ContentVerdict {
  try {
    const claims = claimClients(input, decoded);
    const locator = new StructLocator(input.doc, decoded);
    const judge = new Judge(input, locator, claims);
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Item && isNew(input.doc, struct)) {
        judge.newItem(struct);
      }
    }
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) {
        forEachDeleted(input.doc, locator, client, range.clock, range.clock + range.len, (item) =>
          judge.deletion(item),
        );
      }
    }
    judge.finish();
    return { kind: 'accept', claims: [...claims] };
  } catch (thrown) {
    if (thrown instanceof Refusal) {
      return { kind: 'refuse', rule: thrown.rule, reason: thrown.reason, detail: thrown.message };
    }
    throw thrown;
  }
}

function isNew(doc: Y.Doc, struct: Y.Item | Y.GC): boolean {
  return struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client);
}

const templateLengths = new Map<DocKind, number>();

/** How many structs (the clock) the template of `kind` writes under TEMPLATE_CLIENT_ID. */
function templateLength(kind: DocKind): number {
  let length = templateLengths.get(kind);
  if (length === undefined) {
    length = Y.parseUpdateMeta(templateUpdate(kind)).to.get(TEMPLATE_CLIENT_ID) ?? 0;
    templateLengths.set(kind, length);
  }
  return length;
}

/**
 * D6: nothing is written under the template's client id beyond the template of the document's
 * kind (every device builds the same template, so once it is in the room nothing under that id
 * is new).
 */
function checkTemplateStruct(input: ContentJudgeInput, struct: Y.Item | Y.GC): void {
  const kind = input.docKind ?? readDocKind(input.doc);
  const limit = kind === null ? Math.max(...DOC_KINDS.map(templateLength)) : templateLength(kind);
  if (struct.id.clock + struct.length > limit) {
    refuse(
      ContentRule.clientOwner,
      RelayReasonCode.clientIdTaken,
      "only the template is written under the template's client id",
    );
  }
}

/** D6: every new struct is under a client id the writer owns or that no one owns yet. */
function claimClients(input: ContentJudgeInput, decoded: Decoded): Set<number> {
  const claims = new Set<number>();
  for (const struct of decoded.structs) {
    const client = struct.id.client;
    if (struct instanceof Y.Skip || claims.has(client) || !isNew(input.doc, struct)) {
      continue;
    }
    if (client === TEMPLATE_CLIENT_ID) {
      checkTemplateStruct(input, struct);
      continue;
    }
    const owner = input.owners.get(client);
    if (owner === undefined) {
      claims.add(client);
    } else if (owner !== input.userId) {
      refuse(ContentRule.clientOwner, RelayReasonCode.clientIdTaken, `client id ${client} belongs to another user`);
    }
  }
  return claims;
}

/** Calls `visit` for each item in [start, end) of `client` that the deletion would newly delete. */
function forEachDeleted(
  doc: Y.Doc,
  locator: StructLocator,
  client: number,
  start: number,
  end: number,
  visit: (item: Y.Item) => void,
): void {
  const structs = doc.store.clients.get(client);
  const stored = Math.min(end, Y.getState(doc.store, client));
  if (structs !== undefined && start < stored) {
    for (let index = Y.findIndexSS(structs, start); index < structs.length; index++) {
      const struct = structs[index];
      if (struct === undefined || struct.id.clock >= stored) {
        break;
      }
      if (struct instanceof Y.Item && !struct.deleted) {
        visit(struct);
      }
    }
  }
  // Deletions of items the update itself brings.
  for (let clock = Math.max(start, stored); clock < end; ) {
    const item = locator.itemAt(Y.createID(client, clock));
    if (item === null) {
      break;
    }
    visit(item);
    clock = item.id.clock + item.length;
  }
}

/** The values an item adds to a list or map: numbers in an `ids` array, a field's value. */
function valuesOf(item: Y.Item): unknown[] {
  return item.content instanceof Y.ContentDeleted ? [] : item.content.getContent();
}

class Judge {
  readonly #input: ContentJudgeInput;
  readonly #locator: StructLocator;
  readonly #claims: ReadonlySet<number>;
  /** Whether an accepted new `schemaVersion` value comes with the update (an overwrite deletes the old one). */
  #hasNewSchemaVersion = false;
  /** The schema versions the update sets, accepted, with the item each is and the one it overwrites. */
  readonly #newSchemaVersions: { readonly id: Y.ID; readonly origin: Y.ID | null; readonly value: number }[] = [];
  #deletesSchemaVersion = false;
  readonly #fileNodes: FileNodeJudge;

  constructor(input: ContentJudgeInput, locator: StructLocator, claims: ReadonlySet<number>) {
    this.#input = input;
    this.#locator = locator;
    this.#claims = claims;
    this.#fileNodes = new FileNodeJudge(locator);
  }

  newItem(item: Y.Item): void {
    const path = this.#locator.pathOf(item);
    if (path.root === ContentField.meta) {
      this.#newMetaItem(item, path);
    } else if (path.root === AUTHORS_ROOT) {
      this.#newAuthorsItem(item, path);
    } else if (path.root === ContentField.fields) {
      this.#newFieldsItem(item, path);
    } else if (path.root === ContentField.body) {
      this.#fileNodes.newBodyItem(item);
    }
  }

  deletion(item: Y.Item): void {
    const path = this.#locator.pathOf(item);
    if (path.root === ContentField.meta) {
      if (path.keys.length === 1 && path.keys[0] === MetaKey.schemaVersion) {
        this.#deletesSchemaVersion = true;
        return;
      }
      const key = String(path.keys[0]);
      const rule = key === MetaKey.kind ? ContentRule.kind : ContentRule.serverFields;
      refuse(rule, RelayReasonCode.serverFieldChanged, `meta.${key} may not be deleted`);
    }
    if (path.root === AUTHORS_ROOT && path.keys[0] !== this.#input.userId) {
      refuse(ContentRule.authorshipKey, RelayReasonCode.authorshipForged, "another user's authorship was deleted");
    }
  }

  /** A deleted schema version is accepted only as overwritten by an accepted new one. */
  finish(): void {
    const fileNodeProblem = this.#fileNodes.problem();
    if (fileNodeProblem !== null) {
      refuse(ContentRule.fileNodes, RelayReasonCode.fileNodeRefused, fileNodeProblem);
    }
    // An app older than file nodes would drop them while editing: it must find the document of a
    // format it opens read-only (C6). The version may come in the same update.
    const version = this.#settledSchemaVersion() ?? readSchemaVersion(this.#input.doc) ?? 0;
    if (this.#fileNodes.bringsFileNode() && version < FILE_NODES_SCHEMA_VERSION) {
      refuse(
        ContentRule.fileNodes,
        RelayReasonCode.fileNodeRefused,
        `a photo or attachment needs meta.schemaVersion ${FILE_NODES_SCHEMA_VERSION} or later, not ${version}`,
      );
    }
    if (this.#deletesSchemaVersion && !this.#hasNewSchemaVersion) {
      refuse(ContentRule.schemaVersion, RelayReasonCode.serverFieldChanged, 'meta.schemaVersion may not be deleted');
    }
  }

  #newMetaItem(item: Y.Item, path: StructPath): void {
    const key = path.keys[0];
    if (path.keys.length !== 1 || typeof key !== 'string') {
      refuse(ContentRule.serverFields, RelayReasonCode.serverFieldChanged, 'meta holds only plain fields');
    }
    const value = valuesOf(item).at(-1);
    if (key === MetaKey.schemaVersion) {
      this.#schemaVersion(value, item);
    } else if (key === MetaKey.kind) {
      this.#kind(value);
    } else {
      refuse(ContentRule.serverFields, RelayReasonCode.serverFieldChanged, `meta.${key} is not a client field`);
    }
  }

  #schemaVersion(value: unknown, item: Y.Item): void {
    const current = readSchemaVersion(this.#input.doc) ?? 0;
    const newest = this.#input.maxSchemaVersion ?? CONTENT_SCHEMA_VERSION;
    const isValid = typeof value === 'number' && Number.isSafeInteger(value) && value <= newest && value >= current;
    if (!isValid) {
      refuse(
        ContentRule.schemaVersion,
        RelayReasonCode.serverFieldChanged,
        `meta.schemaVersion ${String(value)} is not between ${current} and the server's ${newest}`,
      );
    }
    this.#hasNewSchemaVersion = true;
    this.#newSchemaVersions.push({ id: item.id, origin: item.origin, value: value as number });
  }

  /**
   * The schema version the document holds once the update is applied, when the update sets one: a
   * merged update may carry several (the template's 1 and the raise to 2), each overwriting the one
   * it names as its origin, so the last of the chain wins. Of concurrent ones, the lowest counts.
   */
  #settledSchemaVersion(): number | null {
    const sets = this.#newSchemaVersions;
    const overwritten = (id: Y.ID): boolean =>
      sets.some(
        (other) => other.origin !== null && other.origin.client === id.client && other.origin.clock === id.clock,
      );
    const last = sets.filter((set) => !overwritten(set.id)).map((set) => set.value);
    return last.length === 0 ? null : Math.min(...last);
  }

  #kind(value: unknown): void {
    const meta = this.#input.doc.getMap(ContentField.meta);
    if (meta.has(MetaKey.kind)) {
      refuse(ContentRule.kind, RelayReasonCode.serverFieldChanged, 'meta.kind is already set');
    }
    const kind = parseDocKind(value);
    if (kind === null || (this.#input.docKind !== null && kind !== this.#input.docKind)) {
      refuse(
        ContentRule.kind,
        RelayReasonCode.serverFieldChanged,
        `meta.kind ${String(value)} is not the record's kind`,
      );
    }
  }

  /**
   * D7: an entry of `fields` is one plain value (ContentAny) under a key of the document's kind,
   * valid for that field. Deleting (clearing) an entry is free, like editing the body.
   */
  #newFieldsItem(item: Y.Item, path: StructPath): void {
    const key = path.keys[0];
    if (path.keys.length !== 1 || typeof key !== 'string') {
      refuse(ContentRule.fields, RelayReasonCode.fieldRefused, 'fields holds only plain values by key');
    }
    const kind = this.#input.docKind ?? readDocKind(this.#input.doc);
    if (kind === null) {
      refuse(ContentRule.fields, RelayReasonCode.fieldRefused, 'fields are written only once the kind is known');
    }
    const values = item.content instanceof Y.ContentAny ? item.content.getContent() : null;
    if (values === null || values.length !== 1) {
      refuse(ContentRule.fields, RelayReasonCode.fieldRefused, `fields.${key.slice(0, 40)} must be one plain value`);
    }
    const problem = fieldValueProblem(kind, key, values[0]);
    if (problem !== null) {
      refuse(ContentRule.fields, RelayReasonCode.fieldRefused, problem);
    }
  }

  #newAuthorsItem(item: Y.Item, path: StructPath): void {
    const { userId } = this.#input;
    if (path.keys[0] !== userId) {
      refuse(ContentRule.authorshipKey, RelayReasonCode.authorshipForged, 'authorship may be written only as oneself');
    }
    if (path.keys.length === 3 && path.keys[1] === 'ids') {
      for (const value of valuesOf(item)) {
        if (typeof value === 'number' && !this.#mayMap(value)) {
          refuse(
            ContentRule.authorshipIds,
            RelayReasonCode.authorshipForged,
            `client id ${value} was not introduced by this user`,
          );
        }
      }
    }
  }

  /**
   * Whether the writer may map `clientId`: they own it, claim it with this update, or it predates
   * ownership records and the document already maps it to them (PermanentUserData copies a user's
   * ids again when two of their devices created the entry at once).
   */
  #mayMap(clientId: number): boolean {
    const { owners, userId, doc } = this.#input;
    const owner = owners.get(clientId);
    if (owner !== undefined) {
      return owner === userId;
    }
    if (this.#claims.has(clientId)) {
      return true;
    }
    const entry: unknown = doc.getMap(AUTHORS_ROOT).get(userId);
    const ids: unknown = entry instanceof Y.Map ? entry.get('ids') : undefined;
    return ids instanceof Y.Array && ids.toArray().includes(clientId);
  }
}
