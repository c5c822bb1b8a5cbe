import { boolean, doublePrecision, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import type { VenueType } from '../../../common/enums';
import { createdAt } from './columns';
import { orgs } from './orgs';

export const venues = pgTable(
  'venues',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    type: text('type').$type<VenueType>().notNull(),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    radiusM: integer('radius_m'),
    /** A check-in at this venue must send a position (inside the radius); otherwise one without is kept, marked. */
    strict: boolean('strict').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('venues_org_idx').on(t.orgId)],
);
