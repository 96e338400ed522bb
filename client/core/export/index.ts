export {
  type FormalDocumentSource,
  type FormFacts,
  formalDocumentOf,
  formFactsOf,
  formFieldsOf,
} from '../../../shared/formal/formalDocumentOf';
export {
  docxFileOf,
  type ExportFile,
  exportFileName,
  markdownFileOf,
  photoShasOf,
  replyCoverFileOf,
  saveFile,
} from './exportFiles';
export { type ReportCell, type ReportTable, reportCsv, reportCsvFile, reportXlsxFile } from './reportTables';
