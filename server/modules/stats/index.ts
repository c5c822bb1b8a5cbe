/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { statsRoutes } from './stats.routes';
export { getStats } from './stats.service';
