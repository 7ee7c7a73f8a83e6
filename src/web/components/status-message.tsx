/**
 * A polite live region that is always in the page, so a message put into it ("Perceel AMB2 is toegevoegd.")
 * is announced by screen readers; a region inserted together with its text often is not.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="status-message">
      {message && (
        <div className="utrecht-alert utrecht-alert--ok">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">{message}</div>
          </div>
        </div>
      )}
    </div>
  );
}
