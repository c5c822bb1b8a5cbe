import { invalidField } from '../../errors';

/** A talk is recorded once held, and its follow-up comes after it. */
export function checkTalkDates(heldOn: string, followUpOn: string | undefined, today: string): void {
  if (heldOn > today) throw invalidField('heldOn', 'errors.talk.future');
  if (followUpOn !== undefined && followUpOn <= heldOn)
    throw invalidField('followUpOn', 'errors.talk.followUpBefore');
}
