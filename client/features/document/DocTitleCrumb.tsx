import { type ReactElement, useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ContentField, readDocKind } from '../../../shared';

/** The document's kind and title in the header, following the collaborative title. */
export function DocTitleCrumb({ doc }: { readonly doc: Y.Doc }): ReactElement {
  const { t } = useTranslation();
  const title = doc.getText(ContentField.title);
  const subscribe = useCallback(
    (onChange: () => void) => {
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  const text = useSyncExternalStore(subscribe, () => title.toString());
  const kind = useSyncExternalStore(subscribe, () => readDocKind(doc));
  return (
    <div className="crumb">
      <span className="kind-tag">{t(`kind.${kind ?? 'unknown'}`)}</span>
      <span className="crumb-title">{text === '' ? t('common.untitled') : text}</span>
    </div>
  );
}
