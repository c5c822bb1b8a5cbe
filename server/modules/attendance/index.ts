/** What the rest of the server may use of this module; everything else in the folder is its own. */
export { attendanceRoutes } from './attendance.routes';
export { type ActivityAttendance, attendanceList, attendanceOf } from './attendance.service';
export { issue as issueCheckInToken } from './check-in-token';
