/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { plansRoutes } from './plans.routes';
export { plansOfYear, presentPlan } from './plans.service';
