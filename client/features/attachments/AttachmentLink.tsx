import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../shared/api/attachments';
import type { DocId } from '../../../shared/index';
import { useApp } from '../../ui/services/useServices';
import { sizeText } from './uploadModel';

/** A download link to a file of the document, with its name and size (the browser sends the cookie). */
export function AttachmentLink(props: {
  readonly docId: DocId;
  readonly attachment: AttachmentInfo;
  readonly label?: string;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const { attachment } = props;
  return (
    <a
      className="attachment-link"
      href={api.attachments.downloadPath(props.docId, attachment.id)}
      download={attachment.name}
      title={t('attachments.download')}
    >
      {props.label === undefined ? null : <span className="attachment-label">{props.label}：</span>}
      <span className="attachment-name">{attachment.name}</span>
      <span className="attachment-size">{sizeText(attachment.size)}</span>
    </a>
  );
}
