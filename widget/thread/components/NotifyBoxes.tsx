import type { SubscriptionOutcome } from '../../../contract/api.ts';

/** The form's two "Notify me" boxes (WordPress's wording), off until ticked. */
export interface NotifyChoice {
  replies: boolean;
  page: boolean;
}

export const NO_NOTIFY: NotifyChoice = { replies: false, page: false };

/** What the reader is told after posting with a box ticked. */
const OUTCOME_TEXT: Record<SubscriptionOutcome, string> = {
  confirm_email:
    'Check your email to confirm: we sent a link, and nothing more is sent until you use it.',
  subscribed: 'You will get an email when there is something new. Each one has a link to stop.',
  unavailable: 'Your sign-in provider gave us no email address, so we can’t notify you.',
};

/**
 * The boxes, and after a post the line saying what became of them. Offered
 * only where an email can be sent (a guest types one; a signed-in reader's
 * provider must have given one): the form decides, see `emailable`.
 */
export function NotifyBoxes({
  prefix,
  choice,
  onChange,
  outcome,
}: {
  prefix: string;
  choice: NotifyChoice;
  onChange: (choice: NotifyChoice) => void;
  outcome: SubscriptionOutcome | null;
}) {
  return (
    <div className="notify" data-testid="notify">
      <label className="remember" htmlFor={`${prefix}-notify-replies`}>
        <input
          id={`${prefix}-notify-replies`}
          type="checkbox"
          checked={choice.replies}
          onChange={(event) => onChange({ ...choice, replies: event.currentTarget.checked })}
        />
        Notify me of new replies by email
      </label>
      <label className="remember" htmlFor={`${prefix}-notify-page`}>
        <input
          id={`${prefix}-notify-page`}
          type="checkbox"
          checked={choice.page}
          onChange={(event) => onChange({ ...choice, page: event.currentTarget.checked })}
        />
        Notify me of new comments on this post
      </label>
      {outcome && (
        <p className="notify-outcome" role="status" data-testid="notify-outcome">
          {OUTCOME_TEXT[outcome]}
        </p>
      )}
    </div>
  );
}
