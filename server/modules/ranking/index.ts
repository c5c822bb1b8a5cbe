/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { rankingRoutes } from './ranking.routes';
export { computeRanking } from './ranking.service';
export { branchValues } from './scoring';
