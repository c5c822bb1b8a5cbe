/**
 * Who may act through each route of the API on an object inside their own subtree, for the roles
 * the access tests sign in as. It restates policy.ts's capabilities route by route, as each
 * route's service checks them; a route added to the API without a row here fails the suite.
 */
export type TestRole = 'admin' | 'county' | 'township1' | 'secretary1' | 'member1' | 'leader1';

/**
 * The roles that get past access; every other role is answered 403, or 404 where `hidden` says
 * that the object does not exist for them at all. `caller-only`: the route takes no object and
 * answers for the caller alone.
 */
export type Row =
  | readonly TestRole[]
  | { readonly allowed: readonly TestRole[]; readonly hidden: true | readonly TestRole[] }
  | 'caller-only';

export const ROLES: readonly TestRole[] = [
  'admin',
  'county',
  'township1',
  'secretary1',
  'member1',
  'leader1',
];
/** `org.manage`, `theme.publish`, `inspection.manage`, `assessment.manage`, `audit.read`. */
const SUPERVISORS: readonly TestRole[] = ['admin', 'county', 'township1'];
/** `member.write`, `member.sensitive`, `group.write`, `account.manage`, `stats.read`. */
const WRITERS: readonly TestRole[] = [...SUPERVISORS, 'secretary1'];
/** `member.read`. */
const READERS: readonly TestRole[] = [...WRITERS, 'leader1'];
/** `activity.manage`: a branch's records are its own secretary's. */
const SECRETARY: readonly TestRole[] = ['secretary1'];
/** `org.read`, `activity.read`. */
const EVERYONE = ROLES;
/** Those with a member record in the branch: they ask leave and receive notices. */
const MEMBERS: readonly TestRole[] = ['secretary1', 'member1', 'leader1'];

export const ALLOWED: Record<string, Row> = {
  'GET /api/v1/health': 'caller-only',
  'POST /api/v1/auth/login': 'caller-only',
  'POST /api/v1/auth/logout': 'caller-only',
  'GET /api/v1/me': 'caller-only',
  'POST /api/v1/me/password': 'caller-only',
  'PUT /api/v1/me/locale': 'caller-only',
  'GET /api/v1/orgs/tree': 'caller-only',
  'GET /api/v1/orgs/{id}': EVERYONE,
  // A rename; the fixed day, which the branch's secretary sets too, is access.test.ts's case.
  'PATCH /api/v1/orgs/{id}': SUPERVISORS,
  'DELETE /api/v1/orgs/{id}': SUPERVISORS,
  'POST /api/v1/orgs': SUPERVISORS,
  'POST /api/v1/orgs/{id}/move': SUPERVISORS,
  'GET /api/v1/orgs/{id}/groups': READERS,
  'POST /api/v1/orgs/{id}/groups': WRITERS,
  'PATCH /api/v1/groups/{id}': WRITERS,
  'DELETE /api/v1/groups/{id}': WRITERS,
  // A group's meetings: recorded by its leader (see group-activities.test.ts) or the secretary.
  'GET /api/v1/me/groups': 'caller-only',
  'GET /api/v1/groups/{id}/activities': EVERYONE,
  'POST /api/v1/groups/{id}/activities': SECRETARY,
  // The groups' working systems: set with the branch's settings, judged for member readers.
  'GET /api/v1/orgs/{id}/group-systems': EVERYONE,
  'PUT /api/v1/orgs/{id}/group-systems': WRITERS,
  'GET /api/v1/orgs/{id}/group-systems/kept': READERS,
  'GET /api/v1/orgs/{id}/group-systems/summary': WRITERS,
  // Members' reports are private: the writer, their group's leader, those who read personal data.
  'POST /api/v1/me/reports': 'caller-only',
  'GET /api/v1/me/reports': 'caller-only',
  'GET /api/v1/orgs/{id}/member-reports': WRITERS,
  'GET /api/v1/groups/{id}/member-reports': { allowed: WRITERS, hidden: true },
  'GET /api/v1/member-reports/{id}': { allowed: WRITERS, hidden: true },
  // Supervisors read and do not answer (403); other members do not know it exists (404).
  'POST /api/v1/member-reports/{id}/reply': { allowed: SECRETARY, hidden: ['member1', 'leader1'] },
  // Heart-to-heart talks: recorded by the branch's committee, private like the reports.
  'POST /api/v1/orgs/{id}/talks': SECRETARY,
  'GET /api/v1/orgs/{id}/talks': WRITERS,
  'GET /api/v1/me/talks': 'caller-only',
  'GET /api/v1/talks/{id}': { allowed: WRITERS, hidden: true },
  'GET /api/v1/members': READERS,
  'POST /api/v1/members': WRITERS,
  'GET /api/v1/members/{id}': READERS,
  'PATCH /api/v1/members/{id}': WRITERS,
  'POST /api/v1/members/{id}/reveal': WRITERS,
  'POST /api/v1/members/{id}/status': WRITERS,
  'POST /api/v1/members/{id}/transfer': WRITERS,
  'GET /api/v1/accounts': WRITERS,
  'POST /api/v1/accounts': WRITERS,
  'POST /api/v1/members/{id}/account': WRITERS,
  'POST /api/v1/accounts/{id}/roles': WRITERS,
  'DELETE /api/v1/accounts/{id}/roles/{bindingId}': WRITERS,
  'GET /api/v1/roster/template.xlsx': 'caller-only',
  'GET /api/v1/orgs/{id}/members.xlsx': READERS,
  'POST /api/v1/orgs/{id}/members/import': WRITERS,
  'GET /api/v1/orgs/{id}/venues': EVERYONE,
  'POST /api/v1/orgs/{id}/venues': SECRETARY,
  'PATCH /api/v1/venues/{id}': SECRETARY,
  'DELETE /api/v1/venues/{id}': SECRETARY,
  'GET /api/v1/orgs/{id}/calendar': EVERYONE,
  'GET /api/v1/orgs/{id}/activities': EVERYONE,
  'GET /api/v1/orgs/{id}/plans': EVERYONE,
  'PUT /api/v1/orgs/{id}/plans/{year}/{month}': SECRETARY,
  'DELETE /api/v1/orgs/{id}/plans/{year}/{month}': SECRETARY,
  'POST /api/v1/orgs/{id}/plans/{year}/{month}/adopt': SECRETARY,
  'GET /api/v1/orgs/{id}/recommendations': EVERYONE,
  'POST /api/v1/orgs/{id}/recommendations': SUPERVISORS,
  // Themes are recommended by a committee: to a branch's own roles it lies above, out of sight.
  'DELETE /api/v1/recommendations/{id}': { allowed: SUPERVISORS, hidden: true },
  'GET /api/v1/orgs/{id}/calendar.ics': EVERYONE,
  'GET /api/v1/calendar/{token}.ics': 'caller-only',
  'GET /api/v1/me/calendar-feeds': EVERYONE,
  'POST /api/v1/activities': SECRETARY,
  'GET /api/v1/activities/{id}': EVERYONE,
  'PATCH /api/v1/activities/{id}': SECRETARY,
  'POST /api/v1/activities/{id}/cancel': SECRETARY,
  'GET /api/v1/activities/{id}/history': EVERYONE,
  'GET /api/v1/me/inbox': 'caller-only',
  // An inbox holds a member's own notices: one without a member record has none to mark.
  'POST /api/v1/me/inbox/{id}/read': { allowed: MEMBERS, hidden: true },
  'POST /api/v1/me/inbox/read-all': 'caller-only',
  'GET /api/v1/orgs/{id}/webhook': SECRETARY,
  'PUT /api/v1/orgs/{id}/webhook': SECRETARY,
  'GET /api/v1/activities/{id}/check-in-code': SECRETARY,
  'POST /api/v1/check-in': 'caller-only',
  'GET /api/v1/activities/{id}/attendance': EVERYONE,
  'PUT /api/v1/activities/{id}/attendance/{memberId}': SECRETARY,
  'POST /api/v1/activities/{id}/leave': MEMBERS,
  'POST /api/v1/leave/{id}/decision': SECRETARY,
  'POST /api/v1/activities/{id}/guests': SECRETARY,
  'DELETE /api/v1/guests/{id}': SECRETARY,
  'GET /api/v1/me/activities': 'caller-only',
  'GET /api/v1/orgs/{id}/ledger': EVERYONE,
  'GET /api/v1/orgs/{id}/ledger/verify': EVERYONE,
  'GET /api/v1/orgs/{id}/ledger.xlsx': EVERYONE,
  'GET /api/v1/orgs/{id}/ledger.pdf': EVERYONE,
  'GET /api/v1/orgs/{id}/stats': WRITERS,
  'GET /api/v1/orgs/{id}/stats.xlsx': WRITERS,
  'POST /api/v1/inspections': SUPERVISORS,
  'GET /api/v1/inspections/{id}': WRITERS,
  'GET /api/v1/orgs/{id}/inspections': WRITERS,
  'GET /api/v1/orgs/{id}/rectifications': WRITERS,
  // The branch answers what an inspection asked of it; the supervisor closes it.
  'POST /api/v1/rectifications/{id}/answer': SECRETARY,
  'POST /api/v1/rectifications/{id}/close': SUPERVISORS,
  'GET /api/v1/activities/{id}/spot-check': SUPERVISORS,
  'GET /api/v1/orgs/{id}/scoring-scheme/{year}': WRITERS,
  'PUT /api/v1/orgs/{id}/scoring-scheme/{year}': SUPERVISORS,
  'GET /api/v1/orgs/{id}/ranking': SUPERVISORS,
  'GET /api/v1/orgs/{id}/ranking.xlsx': SUPERVISORS,
  'POST /api/v1/orgs/{id}/rankings': SUPERVISORS,
  // What was published at or above an org is shown to everyone below it.
  'GET /api/v1/orgs/{id}/rankings': EVERYONE,
  'GET /api/v1/rankings/{id}': EVERYONE,
  'GET /api/v1/orgs/{id}/checklist/{year}': EVERYONE,
  'PUT /api/v1/orgs/{id}/checklist/{year}': SUPERVISORS,
  'GET /api/v1/orgs/{id}/checklist/{year}/answers': EVERYONE,
  // Self-assessment is the branch's own: its secretary answers, the supervisor scores.
  'PUT /api/v1/orgs/{id}/checklist/{year}/items/{itemId}/self': SECRETARY,
  'PUT /api/v1/orgs/{id}/checklist/{year}/items/{itemId}/score': SUPERVISORS,
  'GET /api/v1/alerts': 'caller-only',
  // An alert reaches only its audience (here the supervisors); to anyone else it does not exist.
  'POST /api/v1/alerts/{id}/ack': { allowed: SUPERVISORS, hidden: true },
  'GET /api/v1/orgs/{id}/reports/{year}': WRITERS,
  // The report is written by the branch's secretary (and the admin), read by those above.
  'PUT /api/v1/orgs/{id}/reports/{year}': ['admin', 'secretary1'],
  'POST /api/v1/orgs/{id}/reports/{year}/submit': ['admin', 'secretary1'],
  'POST /api/v1/orgs/{id}/reports/{year}/redraft': WRITERS,
  'GET /api/v1/orgs/{id}/reports/{year}/report.pdf': WRITERS,
  'GET /api/v1/orgs/{id}/reports/{year}/report.docx': WRITERS,
  'GET /api/v1/orgs/{id}/reports': WRITERS,
  'GET /api/v1/audit': SUPERVISORS,
  'GET /api/v1/audit.xlsx': SUPERVISORS,
  'GET /api/v1/me/data': 'caller-only',
  'GET /api/v1/activities/{id}/records': EVERYONE,
  'PUT /api/v1/activities/{id}/minutes': SECRETARY,
  'POST /api/v1/activities/{id}/files': SECRETARY,
  'DELETE /api/v1/files/{id}': SECRETARY,
  'GET /api/v1/files/{id}': EVERYONE,
  'GET /api/v1/files/{id}/thumb': EVERYONE,
};

/** Routes that answer for the caller alone, whatever they send. */
export const CALLER_ONLY = new Set(Object.keys(ALLOWED).filter((route) => ALLOWED[route] === 'caller-only'));
