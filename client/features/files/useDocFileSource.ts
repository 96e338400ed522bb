import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocId } from '../../../shared';
import type { FileLinkAttrs } from '../../../shared/domain/docFileNodes';
import type { DocFiles } from '../../core/files';
import type { DocFileSource } from '../../editor/fileNodes';

/** Bytes as people read them: `980 KB`, `2.4 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Hands the file to the browser: a PDF opens in its viewer, other types download under their name. */
function openFile(bytes: Uint8Array, file: FileLinkAttrs): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Where the editor of one document gets its photos and attachments. */
export function docFileSource(
  files: DocFiles,
  docId: DocId,
  t: TFunction,
  onProblem: (text: string) => void,
  editCaption?: (current: string) => Promise<string | null>,
): DocFileSource {
  return {
    urlOf: (sha256) => files.urlOf(docId, sha256),
    ...(editCaption === undefined ? {} : { editCaption }),
    open: (file) => {
      files.bytesOf(docId, file.sha256).then(
        (found) => (found === null ? onProblem(t('files.notHere', { name: file.name })) : openFile(found.bytes, file)),
        () => onProblem(t('files.notHere', { name: file.name })),
      );
    },
    text: {
      loading: t('files.loading'),
      unavailable: t('files.unavailable'),
      retry: t('files.retry'),
      open: (name) => t('files.open', { name }),
      addCaption: t('files.addCaption'),
      editCaption: t('files.editCaption'),
    },
    formatSize: formatFileSize,
  };
}

/** The document's file source, the same object for as long as the document and language stay. */
export function useDocFileSource(
  files: DocFiles,
  docId: DocId,
  onProblem: (text: string) => void,
  editCaption?: (current: string) => Promise<string | null>,
): DocFileSource {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt with the language, not with each render's `t`
  return useMemo(
    () => docFileSource(files, docId, t, onProblem, editCaption),
    [files, docId, i18n.language, onProblem, editCaption],
  );
}
