export {
  type FormalDocumentSource,
  type FormFacts,
  formalDocumentOf,
  formFactsOf,
  formFieldsOf,
} from '../../../shared/formal/formalDocumentOf';
export { docxFileOf, type ExportFile, exportFileName, markdownFileOf, saveFile } from './exportFiles';
