/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { venuesRoutes } from './venues.routes';
export { presentVenue, usableVenue } from './venues.service';
