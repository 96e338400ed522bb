import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, DOC_KINDS, readDocKind, readSchemaVersion } from './documentSchema';
import { templateHeadings, templateUpdate } from './templates';

function bodyText(doc: Y.Doc): string {
  return doc.getXmlFragment(ContentField.body).toString();
}

describe('templates', () => {
  it.each(DOC_KINDS)('seeds a %s once however many devices apply it', (kind) => {
    const deviceA = new Y.Doc({ gc: false });
    const deviceB = new Y.Doc({ gc: false });
    Y.applyUpdate(deviceA, templateUpdate(kind));
    Y.applyUpdate(deviceB, templateUpdate(kind));
    Y.applyUpdate(deviceA, templateUpdate(kind));
    Y.applyUpdate(deviceA, Y.encodeStateAsUpdate(deviceB));
    Y.applyUpdate(deviceB, Y.encodeStateAsUpdate(deviceA));
    expect(bodyText(deviceA)).toBe(bodyText(deviceB));
    for (const heading of templateHeadings(kind)) {
      expect(bodyText(deviceA).split(heading)).toHaveLength(2);
    }
    expect(readDocKind(deviceA)).toBe(kind);
    expect(readSchemaVersion(deviceA)).toBe(1);
  });

  it('builds the same bytes every time', () => {
    for (const kind of DOC_KINDS) {
      expect(templateUpdate(kind)).toEqual(templateUpdate(kind));
    }
  });
});
