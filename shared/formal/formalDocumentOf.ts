import type * as Y from 'yjs';
import type { DocRecord, Workspace } from '../api/schemas';
import { type DocFields, FieldKey, readFields, type UserId } from '../index';
import { contentBlocksOf } from './fromContentDoc';
import type { FormalBlock, FormalDocument, FormalField } from './model';

/** What the device knows about a document's people and group, from its cached workspace. */
export interface FormFacts {
  readonly title: string;
  readonly proposer: string;
  readonly cosigners: readonly string[];
  readonly participants: readonly string[];
  readonly groupName: string;
  /** The document's 基本信息 as the content holds them, names resolved (empty when not filled in). */
  readonly fields: {
    readonly sector: string;
    readonly category: string;
    readonly suggestedUnits: string;
    readonly topic: string;
    readonly researchTime: string;
    readonly researchPlace: string;
    readonly participants: string;
    readonly region: string;
  };
}

/** The separator of names in a form's value, as the printed forms list them. */
const NAME_SEPARATOR = '、';

/**
 * The form block of each kind from the facts the device has: the workspace's people and group,
 * and the 基本信息 the content holds. A field not filled in prints as a blank to fill in by hand.
 */
export function formFieldsOf(kind: DocRecord['kind'], facts: FormFacts): FormalField[] {
  switch (kind) {
    case 'proposal':
      return [
        { label: '案由', value: facts.title },
        { label: '提案人', value: facts.proposer },
        { label: '联名人', value: facts.cosigners.join(NAME_SEPARATOR) },
        { label: '界别', value: facts.fields.sector || facts.groupName },
        { label: '类别', value: facts.fields.category },
        { label: '建议承办单位', value: facts.fields.suggestedUnits },
      ];
    case 'research_report':
      return [
        { label: '调研主题', value: facts.fields.topic || facts.title },
        { label: '调研时间', value: facts.fields.researchTime },
        { label: '调研地点', value: facts.fields.researchPlace },
        { label: '参加人员', value: facts.fields.participants || facts.participants.join(NAME_SEPARATOR) },
      ];
    case 'social_info':
      return [
        { label: '反映人', value: facts.proposer },
        { label: '地区', value: facts.fields.region },
        { label: '类别', value: facts.fields.category },
      ];
  }
}

export interface FormalDocumentSource {
  /** The open content Y.Doc: the device's copy, so export works offline. */
  readonly doc: Y.Doc;
  readonly record: DocRecord;
  /** Who and which groups the record names: the cached workspace's, or the server's. */
  readonly workspace: {
    readonly people: readonly Pick<Workspace['people'][number], 'id' | 'name'>[];
    readonly groups: readonly Pick<Workspace['groups'][number], 'id' | 'name'>[];
  };
  /** The title printed when the document has none yet. */
  readonly untitled: string;
  /** Names of the categories and units the fields refer to by id; an unknown id prints blank. */
  readonly names?: {
    readonly categories: readonly { readonly id: string; readonly name: string }[];
    readonly units: readonly { readonly id: string; readonly name: string }[];
  };
}

function textField(fields: DocFields, key: string): string {
  const value = fields[key];
  return typeof value === 'string' ? value : '';
}

/** The 基本信息 of the content, ids turned into names. */
function fieldFactsOf(source: FormalDocumentSource): FormFacts['fields'] {
  const fields = readFields(source.doc, source.record.kind);
  const nameIn = (list: readonly { id: string; name: string }[] | undefined, id: string) =>
    list?.find((each) => each.id === id)?.name ?? '';
  const unitIds = fields[FieldKey.suggestedUnitIds];
  return {
    sector: textField(fields, FieldKey.sector),
    category: nameIn(source.names?.categories, textField(fields, FieldKey.category)),
    suggestedUnits: (Array.isArray(unitIds) ? unitIds : [])
      .map((id) => nameIn(source.names?.units, id))
      .filter((name) => name !== '')
      .join(NAME_SEPARATOR),
    topic: textField(fields, FieldKey.topic),
    researchTime: textField(fields, FieldKey.researchTime),
    researchPlace: textField(fields, FieldKey.researchPlace),
    participants: textField(fields, FieldKey.participants),
    region: textField(fields, FieldKey.region),
  };
}

/** The facts of a record's form: the creator as proposer, the co-signers who signed, the group as 界别. */
export function formFactsOf(source: FormalDocumentSource, title: string): FormFacts {
  const { record, workspace } = source;
  const names = new Map(workspace.people.map((person) => [person.id, person.name]));
  const nameOf = (id: UserId | null) => (id === null ? '' : (names.get(id) ?? ''));
  const signed = record.cosigners.filter((cosigner) => cosigner.state === 'signed');
  const participants = [record.createdBy, ...record.authorIds.filter((id) => id !== record.createdBy)];
  return {
    title,
    proposer: nameOf(record.createdBy),
    cosigners: signed.map((cosigner) => nameOf(cosigner.userId)).filter((name) => name !== ''),
    participants: participants.map(nameOf).filter((name) => name !== ''),
    groupName: workspace.groups.find((group) => group.id === record.groupId)?.name ?? '',
    fields: fieldFactsOf(source),
  };
}

/** The formal document of an open document: its content from the Y.Doc, its form from the record. */
export function formalDocumentOf(source: FormalDocumentSource): FormalDocument {
  const content = contentBlocksOf(source.doc);
  const title = content.title || source.record.title.trim() || source.untitled;
  const form = formFieldsOf(source.record.kind, formFactsOf(source, title));
  return { kind: source.record.kind, title, form, body: withoutEmptyFormSections(content.body, form) };
}

function isBlank(block: FormalBlock): boolean {
  return block.type === 'paragraph' && block.runs.every((run) => run.text.trim() === '');
}

/**
 * The body without the template's sections the form block already prints (提案人, 联名人: a
 * heading named like a form label with nothing under it), so the printed page does not repeat
 * them as empty headings. A section someone wrote in stays.
 */
export function withoutEmptyFormSections(body: readonly FormalBlock[], form: readonly FormalField[]): FormalBlock[] {
  const labels = new Set(form.map((field) => field.label));
  const kept: FormalBlock[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const block = body[index] as FormalBlock;
    if (
      block.type === 'heading' &&
      labels.has(
        block.runs
          .map((run) => run.text)
          .join('')
          .trim(),
      )
    ) {
      let next = index + 1;
      while (next < body.length && isBlank(body[next] as FormalBlock)) {
        next += 1;
      }
      const nextBlock = body[next];
      if (nextBlock === undefined || nextBlock.type === 'heading') {
        index = next - 1;
        continue;
      }
    }
    kept.push(block);
  }
  return kept;
}
