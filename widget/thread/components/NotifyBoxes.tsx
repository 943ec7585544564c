import type { SubscriptionOutcome } from '../../../contract/api.ts';
import { t } from '../i18n.ts';

/** The form's two "Notify me" boxes (WordPress's wording), off until ticked. */
export interface NotifyChoice {
  replies: boolean;
  page: boolean;
}

export const NO_NOTIFY: NotifyChoice = { replies: false, page: false };

const BOXES = [
  ['replies', 'form.notifyReplies'],
  ['page', 'form.notifyPage'],
] as const;

/**
 * The boxes, and after a post that needs a confirmation, the line that says
 * so (`subscribed` is what the reader asked for: nothing to add). The form
 * offers them only where an email can go (a guest types one; a signed-in
 * reader's provider must have given one, `emailable`), so `unavailable`
 * never comes back to it. Kept small: it ships in the widget's budget.
 */
export function NotifyBoxes({
  choice,
  onChange,
  outcome,
}: {
  choice: NotifyChoice;
  onChange: (choice: NotifyChoice) => void;
  outcome: SubscriptionOutcome | null;
}) {
  return (
    <>
      {BOXES.map(([key, label]) => (
        <label className="remember" key={key}>
          <input
            type="checkbox"
            checked={choice[key]}
            onChange={(event) => onChange({ ...choice, [key]: event.currentTarget.checked })}
          />
          {t(label)}
        </label>
      ))}
      {outcome === 'confirm_email' && (
        <p className="privacy" role="status">
          {t('form.notify.confirmEmail')}
        </p>
      )}
    </>
  );
}
