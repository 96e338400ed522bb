import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, DocKind, templateUpdate } from '../../../shared';
import { fragmentText } from './docText';

describe('fragmentText', () => {
  it('gives one line per block, without markup', () => {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, templateUpdate(DocKind.socialInfo));
    const body = doc.getXmlFragment(ContentField.body);
    const paragraph = body.get(1) as Y.XmlElement;
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, '菜市场');
    text.insert(3, '改造', { bold: true });
    expect(fragmentText(body)).toBe('反映的问题\n菜市场改造\n原因分析\n\n意见建议\n');
  });
});
