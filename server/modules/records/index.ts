/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { recordsRoutes } from './records.routes';
export { discardStored, insertUploads, prepareUploads, storeUploads, type Upload } from './uploads';
