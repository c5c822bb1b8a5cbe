/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { noticesRoutes } from './notices.routes';
export { createNotice, type NoticeParams, noticeStatus } from './notices.service';
export { forwardNotice, pendingDeliveries } from './webhook';
