/** The help line for the queue's keyboard shortcuts (keyboard.ts). */
export function Shortcuts() {
  return (
    <p className="shortcuts">
      <span>Keyboard shortcuts:</span> <kbd>j</kbd> / <kbd>k</kbd> next / previous, <kbd>a</kbd>{' '}
      approve, <kbd>s</kbd> spam, <kbd>d</kbd> trash, <kbd>x</kbd> select
    </p>
  );
}
