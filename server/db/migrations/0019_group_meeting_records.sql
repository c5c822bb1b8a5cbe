-- A party group's meeting is small and quick to record: its notes are its record, a photo is
-- welcome but not owed. Its ledger is complete with notes and someone present; every other
-- activity still owes a photo. The rollups count completeness at write time, so they are rebuilt.
CREATE FUNCTION ledger_records(type text, photos integer) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN photos > 0 OR type = 'party_group_meeting';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_complete(type text, has_minutes boolean, has_plan boolean, present integer, photos integer)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ledger_materials(type, has_minutes, has_plan) AND present > 0 AND ledger_records(type, photos);
--> statement-breakpoint
SELECT rebuild_aggregates();
