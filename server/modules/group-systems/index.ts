/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { groupSystemsRoutes } from './group-systems.routes';
export { type MissedSystem, missedSystems } from './group-systems.service';
