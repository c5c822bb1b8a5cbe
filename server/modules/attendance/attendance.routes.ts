import { z } from 'zod';
import {
  AttendanceList,
  CheckInCode,
  CheckInRequest,
  CheckInResult,
  Guest,
  GuestInput,
  LeaveDecision,
  LeaveRequest,
  LeaveRequestInput,
  ManualAttendance,
} from '../../../common/schemas/attendance';
import { Id, IdParams, Ok } from '../../../common/schemas/common';
import { MyActivities } from '../../../common/schemas/notice';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  addGuest,
  attendanceList,
  decideLeave,
  markAttendance,
  removeGuest,
  requestLeave,
} from './attendance.service';
import { checkIn, checkInCode } from './check-in';
import { myActivities } from './my-activities';

export function attendanceRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['attendance'];
  app.get(
    '/api/v1/activities/:id/check-in-code',
    { schema: { tags, params: IdParams, response: { 200: CheckInCode } } },
    (request) =>
      checkInCode(
        db,
        config,
        actorOf(request),
        request.params.id,
        `${request.protocol}://${request.host}`,
        clock.now(),
      ),
  );
  app.post(
    '/api/v1/check-in',
    { schema: { tags, body: CheckInRequest, response: { 200: CheckInResult } } },
    (request) => checkIn(db, config, actorOf(request), request.body, clock.now(), request.ip),
  );
  app.get(
    '/api/v1/activities/:id/attendance',
    { schema: { tags, params: IdParams, response: { 200: AttendanceList } } },
    (request) => attendanceList(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/activities/:id/attendance/:memberId',
    {
      schema: {
        tags,
        params: z.object({ id: Id, memberId: Id }),
        body: ManualAttendance,
        response: { 200: AttendanceList },
      },
    },
    (request) =>
      markAttendance(
        db,
        actorOf(request),
        request.params.id,
        request.params.memberId,
        request.body,
        clock.now(),
      ),
  );
  app.post(
    '/api/v1/activities/:id/leave',
    { schema: { tags, params: IdParams, body: LeaveRequestInput, response: { 200: LeaveRequest } } },
    (request) => requestLeave(db, actorOf(request), request.params.id, request.body.reason, clock.now()),
  );
  app.post(
    '/api/v1/leave/:id/decision',
    { schema: { tags, params: IdParams, body: LeaveDecision, response: { 200: LeaveRequest } } },
    (request) => decideLeave(db, actorOf(request), request.params.id, request.body.approve, clock.now()),
  );
  app.post(
    '/api/v1/activities/:id/guests',
    { schema: { tags, params: IdParams, body: GuestInput, response: { 201: Guest } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addGuest(db, actorOf(request), request.params.id, request.body, clock.now())),
  );
  app.delete(
    '/api/v1/guests/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await removeGuest(db, actorOf(request), request.params.id, clock.now());
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me/activities',
    { schema: { tags: ['attendance'], response: { 200: MyActivities } } },
    (request) => myActivities(db, actorOf(request), clock.now()),
  );
}
