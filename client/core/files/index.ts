/** A document's photos and attachments on this device: taken in, kept sealed, uploaded, fetched. */

export { DocFiles, type DocFilesOptions, FileRefusal, FileRefusedError, sha256Of } from './DocFiles';
export { decodeDataUrl } from './dataUrl';
export { downscaledSize, type PixelSize } from './photoSize';
export { type PreparedPhoto, preparePhoto } from './preparePhoto';
