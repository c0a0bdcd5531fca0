export { ImportPage } from './ImportPage';
export { reportCsv, uploadImport } from './upload';
