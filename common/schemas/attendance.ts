import { z } from 'zod';
import { ATTENDANCE_STATUSES, CHECK_IN_METHODS, LEAVE_STATUSES } from '../enums';
import { PHONE_PATTERN } from '../validators';
import { AttendanceCounts } from './activity';
import { RefId } from './common';

/** What the secretary's screen shows: a QR code that changes every 30 s and the same as six digits. */
export const CheckInCode = z.object({
  token: z.string(),
  code: z.string().regex(/^\d{6}$/),
  /** Opens Vanguard's check-in page on the phone that scans it. */
  url: z.string(),
  expiresAt: z.string(),
  periodSeconds: z.number().int(),
});
export type CheckInCode = z.infer<typeof CheckInCode>;

const Position = {
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  /**
   * When the member scanned or typed the code, for a check-in the phone kept while it had no
   * network: the window is judged at this instant, which the token or code must have been current at.
   */
  scannedAt: z.iso.datetime({ offset: true, message: 'errors.validation.dateTime' }).optional(),
};

export const CheckInRequest = z.union([
  z.object({ token: z.string().min(1).max(400), ...Position }),
  z.object({
    activityId: RefId,
    code: z.string().regex(/^\d{6}$/, 'errors.checkIn.codeFormat'),
    ...Position,
  }),
]);
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckInResult = z.object({
  status: z.enum(['checked_in', 'already_checked_in']),
  activityId: z.number().int(),
  activityTitle: z.string(),
  checkedInAt: z.string(),
  message: z.string(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

export const ManualAttendance = z.object({
  status: z.enum(['present', 'absent']),
  reason: z.string().trim().min(1, 'errors.validation.required').max(300),
});
export type ManualAttendance = z.infer<typeof ManualAttendance>;

export const LeaveRequestInput = z.object({
  reason: z.string().trim().min(1, 'errors.validation.required').max(300),
});
export const LeaveDecision = z.object({ approve: z.boolean() });

export const LeaveRequest = z.object({
  id: z.number().int(),
  activityId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  reason: z.string(),
  status: z.enum(LEAVE_STATUSES),
  createdAt: z.string(),
});
export type LeaveRequest = z.infer<typeof LeaveRequest>;

export const GuestInput = z.object({
  name: z.string().trim().min(1, 'errors.validation.required').max(50),
  phone: z.string().trim().regex(PHONE_PATTERN, 'errors.validation.phone').nullable().optional(),
});
export type GuestInput = z.infer<typeof GuestInput>;

export const Guest = z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() });
export type Guest = z.infer<typeof Guest>;

export const AttendanceRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  method: z.enum(CHECK_IN_METHODS).nullable(),
  checkedInAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** Checked in by phone at a venue with a position and radius, without sending a position. */
  noPosition: z.boolean(),
  /** A check-in kept on the phone without a network: when it reached the server. */
  sentAt: z.string().nullable(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const AttendanceList = z.object({
  counts: AttendanceCounts,
  /** How many of the present checked in without a position where the venue has one. */
  noPosition: z.number().int(),
  members: z.array(AttendanceRow),
  guests: z.array(Guest),
  leaveRequests: z.array(LeaveRequest),
});
export type AttendanceList = z.infer<typeof AttendanceList>;
