/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { ledgerRoutes } from './ledger.routes';
