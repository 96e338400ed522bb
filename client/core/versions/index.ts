/** Who wrote what, comparing and rendering versions, and restoring one as a new edit. */
export { AUTHORS_FIELD, AUTHORSHIP_ORIGIN, authorsOf, trackAuthorship } from './authorship';
export { COMPARE_ORIGIN, compareVersions, renderVersion } from './compareVersions';
export { RESTORE_ORIGIN, restoreVersion } from './restoreVersion';
export { decodeSnapshotBase64, encodeSnapshotBase64, hasSnapshotContent, isVisibleAt } from './snapshots';
export {
  type Block,
  BlockKind,
  Change,
  collectAuthors,
  pushSegment,
  type Segment,
  segmentsText,
  type VersionContent,
} from './versionContent';
