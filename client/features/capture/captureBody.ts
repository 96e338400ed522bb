import { getSchema, type JSONContent } from '@tiptap/core';
import { Node, type Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { ContentField, FieldKey, raiseSchemaVersion } from '../../../shared';
import type { PhotoAttrs } from '../../../shared/domain/docFileNodes';
import type { InitialContent } from '../../core/workspace';
import { contentExtensions } from '../../editor/createExtensions';

/** What the capture page collects, checked already. */
export interface CaptureInput {
  readonly happened: string;
  readonly place: string;
  readonly contact: string;
  readonly photos: readonly PhotoAttrs[];
}

/** The words the draft itself carries: the template's section headings and the report's lines. */
const HEADING = { problem: '反映的问题', cause: '原因分析', advice: '意见建议' } as const;
const PLACE_LABEL = '地点：';
const CONTACT_LABEL = '反映人联系方式：';

let schema: Schema | null = null;

function editorSchema(): Schema {
  schema ??= getSchema(contentExtensions());
  return schema;
}

function heading(text: string): JSONContent {
  return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] };
}

function paragraph(text: string): JSONContent {
  return text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] };
}

/**
 * The draft's body: the template's three sections, 反映的问题 holding what happened (a paragraph
 * per line), the photos, the place and the reporter's contact; 原因分析 and 意见建议 left for the
 * member to write later.
 */
export function captureBody(input: CaptureInput): JSONContent {
  const lines = input.happened
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const problem: JSONContent[] = [
    ...lines.map(paragraph),
    ...input.photos.map((attrs) => ({ type: 'photo', attrs: { ...attrs } })),
  ];
  if (input.place !== '') {
    problem.push(paragraph(`${PLACE_LABEL}${input.place}`));
  }
  if (input.contact !== '') {
    problem.push(paragraph(`${CONTACT_LABEL}${input.contact}`));
  }
  return {
    type: 'doc',
    content: [
      heading(HEADING.problem),
      ...problem,
      heading(HEADING.cause),
      paragraph(''),
      heading(HEADING.advice),
      paragraph(''),
    ],
  };
}

/**
 * The edits that make a new social-conditions draft of the capture: its body in place of the
 * template's empty sections, the place as its 反映地区 field, and, when it holds a photo, the
 * content schema version that knows photos (an older app then opens it read-only, C6).
 */
export function captureContent(input: CaptureInput): InitialContent {
  const node = Node.fromJSON(editorSchema(), captureBody(input));
  node.check();
  return (doc: Y.Doc) => {
    if (input.photos.length > 0) {
      raiseSchemaVersion(doc);
    }
    if (input.place !== '') {
      doc.getMap(ContentField.fields).set(FieldKey.region, input.place);
    }
    const fragment = doc.getXmlFragment(ContentField.body);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(editorSchema(), node.toJSON(), fragment);
  };
}
