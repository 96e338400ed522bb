import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ContentVerdict, judgeContentUpdate } from './contentRules';
import {
  FIELDS_BY_KIND,
  FieldKey,
  fieldValueProblem,
  MAX_SUGGESTED_UNITS,
  pickFields,
  readFields,
  writeField,
} from './documentFields';
import { ContentField, DOC_KINDS, DocKind } from './documentSchema';
import type { UserId } from './ids';
import { templateUpdate } from './templates';

const ZHANG = 'zhang' as UserId;
const UNIT = '0b6c1b1e-5b1a-4c4e-9f3e-2a7d6c5b4a39';

function unitId(n: number): string {
  return `0b6c1b1e-5b1a-4c4e-9f3e-2a7d6c5b4a${String(n).padStart(2, '0')}`;
}

/** Judges the change `write` makes on a device of a seeded proposal (or `kind`). */
function judgeWrite(write: (doc: Y.Doc) => void, kind: DocKind = DocKind.proposal): ContentVerdict {
  const room = new Y.Doc({ gc: false });
  Y.applyUpdate(room, templateUpdate(kind));
  const device = new Y.Doc({ gc: false });
  Y.applyUpdate(device, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(device);
  write(device);
  return judgeContentUpdate(
    { doc: room, owners: new Map(), userId: ZHANG, docKind: kind },
    Y.decodeUpdate(Y.encodeStateAsUpdate(device, before)),
  );
}

describe('document fields (RULES.md D7)', () => {
  it('D7 every kind has its fields, each key once', () => {
    for (const kind of DOC_KINDS) {
      const keys = FIELDS_BY_KIND[kind].map((field) => field.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBeGreaterThan(0);
    }
    expect(FIELDS_BY_KIND.proposal.map((field) => field.label)).toEqual([
      '界别',
      '类别',
      '建议承办单位',
      '是否同意公开',
    ]);
  });

  it('D7 judges values by type and limit', () => {
    expect(fieldValueProblem(DocKind.proposal, FieldKey.sector, '经济界')).toBeNull();
    expect(fieldValueProblem(DocKind.proposal, FieldKey.sector, 'x'.repeat(51))).toMatch(/longer than 50/);
    expect(fieldValueProblem(DocKind.proposal, FieldKey.sector, 3)).toMatch(/text/);
    expect(fieldValueProblem(DocKind.proposal, FieldKey.topic, '主题')).toMatch(/no field/);
    expect(fieldValueProblem(DocKind.proposal, FieldKey.category, 'economy')).toBeNull();
    expect(fieldValueProblem(DocKind.proposal, FieldKey.category, '经济')).toMatch(/category id/);
    expect(fieldValueProblem(DocKind.proposal, FieldKey.publishable, 'yes')).toMatch(/true or false/);
    expect(fieldValueProblem(DocKind.proposal, FieldKey.suggestedUnitIds, [UNIT])).toBeNull();
    expect(fieldValueProblem(DocKind.proposal, FieldKey.suggestedUnitIds, [UNIT.toUpperCase()])).toMatch(/unit ids/);
    expect(fieldValueProblem(DocKind.proposal, FieldKey.suggestedUnitIds, [UNIT, UNIT])).toMatch(/twice/);
    const tooMany = Array.from({ length: MAX_SUGGESTED_UNITS + 1 }, (_, n) => unitId(n));
    expect(fieldValueProblem(DocKind.proposal, FieldKey.suggestedUnitIds, tooMany)).toMatch(/more than 5/);
    expect(fieldValueProblem(DocKind.socialInfo, FieldKey.region, '城关镇')).toBeNull();
  });

  it('D7 reads back only valid fields of the kind', () => {
    expect(
      pickFields(DocKind.proposal, { sector: '经济界', topic: 'x', publishable: 'no', category: 'other' }),
    ).toEqual({ sector: '经济界', category: 'other' });
    expect(pickFields(DocKind.proposal, null)).toEqual({});
    expect(pickFields(DocKind.proposal, [1])).toEqual({});
  });

  it('D7 writeField writes what the relay accepts, and refuses what it would refuse', () => {
    const verdict = judgeWrite((doc) => {
      writeField(doc, DocKind.proposal, FieldKey.sector, '经济界');
      writeField(doc, DocKind.proposal, FieldKey.suggestedUnitIds, [UNIT]);
      writeField(doc, DocKind.proposal, FieldKey.publishable, true);
      expect(readFields(doc, DocKind.proposal)).toEqual({
        sector: '经济界',
        suggestedUnitIds: [UNIT],
        publishable: true,
      });
    });
    expect(verdict.kind).toBe('accept');
    const doc = new Y.Doc();
    expect(() => writeField(doc, DocKind.proposal, FieldKey.region, '城关镇')).toThrow(/no field/);
    writeField(doc, DocKind.proposal, FieldKey.sector, '经济界');
    writeField(doc, DocKind.proposal, FieldKey.sector, null);
    expect(readFields(doc, DocKind.proposal)).toEqual({});
    expect(judgeWrite((d) => d.getMap(ContentField.fields).delete(FieldKey.sector)).kind).toBe('accept');
  });

  it('D7 the relay refuses another kind’s key, a wrong type, a too long value and a nested Y type', () => {
    const cases: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getMap(ContentField.fields).set(FieldKey.region, '城关镇'),
      (doc) => doc.getMap(ContentField.fields).set(FieldKey.publishable, 'yes'),
      (doc) => doc.getMap(ContentField.fields).set(FieldKey.sector, 'x'.repeat(51)),
      (doc) => doc.getMap(ContentField.fields).set(FieldKey.sector, new Y.Text('经济界')),
      (doc) => doc.getMap(ContentField.fields).set(FieldKey.sector, new Uint8Array([1])),
    ];
    for (const write of cases) {
      const verdict = judgeWrite(write);
      expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D7', reason: 'field_refused' });
    }
    expect(
      judgeWrite((doc) => doc.getMap(ContentField.fields).set(FieldKey.region, '城关镇'), DocKind.socialInfo),
    ).toEqual({ kind: 'accept', claims: expect.any(Array) });
  });
});
