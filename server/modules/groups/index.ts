/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { groupsRoutes } from './groups.routes';
export { groupsOf, loadGroup, releaseFromGroup } from './groups.service';
