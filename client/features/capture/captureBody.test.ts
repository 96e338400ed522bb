import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CONTENT_SCHEMA_VERSION,
  ContentField,
  DocKind,
  FieldKey,
  readSchemaVersion,
  templateUpdate,
} from '../../../shared';
import { TEMPLATE_SCHEMA_VERSION } from '../../../shared/domain/templates';
import { captureBody, captureContent } from './captureBody';

const PHOTO = {
  sha256: 'a'.repeat(64),
  mediaType: 'image/jpeg',
  width: 1200,
  height: 900,
  alt: '',
} as const;

function draftOf(input: Parameters<typeof captureContent>[0]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, templateUpdate(DocKind.socialInfo));
  doc.transact(() => captureContent(input)(doc));
  return doc;
}

describe('the body of a captured social-conditions report', () => {
  it('puts what happened, the photos, the place and the contact under 反映的问题 and keeps the other sections', () => {
    const body = captureBody({
      happened: ' 路口积水。\r\n\n排水口堵塞。 ',
      place: '城关镇',
      contact: '李先生',
      photos: [PHOTO],
    });
    expect(body.content?.map((node) => [node.type, node.content?.[0]?.text ?? node.attrs?.sha256 ?? null])).toEqual([
      ['heading', '反映的问题'],
      ['paragraph', '路口积水。'],
      ['paragraph', '排水口堵塞。'],
      ['photo', PHOTO.sha256],
      ['paragraph', '地点：城关镇'],
      ['paragraph', '反映人联系方式：李先生'],
      ['heading', '原因分析'],
      ['paragraph', null],
      ['heading', '意见建议'],
      ['paragraph', null],
    ]);
  });

  it('leaves out an empty place and contact', () => {
    const body = captureBody({ happened: '路口积水。', place: '', contact: '', photos: [] });
    expect(body.content?.filter((node) => node.type === 'paragraph' && node.content !== undefined)).toHaveLength(1);
  });

  it('writes the body, the 反映地区 field and, with a photo, the schema version that knows photos', () => {
    const doc = draftOf({ happened: '路口积水。', place: '城关镇', contact: '', photos: [PHOTO] });
    expect(readSchemaVersion(doc)).toBe(CONTENT_SCHEMA_VERSION);
    expect(doc.getMap(ContentField.fields).get(FieldKey.region)).toBe('城关镇');
    const xml = doc.getXmlFragment(ContentField.body).toString();
    expect(xml).toContain('路口积水。');
    expect(xml).toContain('<photo');
    expect(xml.match(/<heading/g)).toHaveLength(3);
  });

  it('keeps the template schema version and no field when there is no photo and no place', () => {
    const doc = draftOf({ happened: '路口积水。', place: '', contact: '', photos: [] });
    expect(readSchemaVersion(doc)).toBe(TEMPLATE_SCHEMA_VERSION);
    expect(doc.getMap(ContentField.fields).size).toBe(0);
  });
});
