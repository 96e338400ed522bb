import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ContentField } from '../../../shared';
import type { DocRecord, Workspace } from '../../../shared/api/schemas';
import { formFactsOf, formFieldsOf } from '../../core/export';
import { useFormNames } from './useFormNames';

function useTitle(doc: Y.Doc): string {
  const text = doc.getText(ContentField.title);
  const [title, setTitle] = useState(() => text.toString());
  useEffect(() => {
    const onChange = () => setTitle(text.toString());
    onChange();
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);
  return title.trim();
}

/**
 * The title and form block as the .docx prints them, shown only on paper (print.css): the editor's
 * own title is hidden there, so that the printed page reads title, form, body.
 */
export function PrintForm(props: {
  readonly doc: Y.Doc;
  readonly record: DocRecord;
  readonly workspace: Workspace;
}): ReactElement {
  const { t } = useTranslation();
  const title = useTitle(props.doc) || props.record.title.trim() || t('common.untitled');
  const names = useFormNames();
  const source = { ...props, untitled: title, names };
  const fields = formFieldsOf(props.record.kind, formFactsOf(source, title));
  return (
    <div className="print-form" aria-hidden="true">
      <h1 className="print-title">{title}</h1>
      <table className="print-form-table">
        <tbody>
          {fields.map((field) => (
            <tr key={field.label}>
              <th scope="row">{field.label}</th>
              <td>{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
