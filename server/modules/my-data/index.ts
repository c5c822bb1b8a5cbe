export { myDataRoutes } from './my-data.routes';
