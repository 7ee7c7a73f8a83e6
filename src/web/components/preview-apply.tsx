import { useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { api, ApiError } from '../lib/api-client';
import { Button, ButtonGroup } from './button';
import { Refusal } from './import-parts';
import { StatusMessage } from './status-message';

/** What a preview-then-apply route answers: `applied` false for the preview (nothing stored). */
export interface Previewed {
  applied: boolean;
}

/** A refusal made in the browser, before anything is sent. */
export const clientRefusal = (title: string) =>
  new ApiError({ type: 'about:blank', title, status: 400, code: 'client' });

/**
 * A form that first shows a preview (POST to `previewPath`, nothing stored) and then stores what the preview showed
 * (POST of the same body to `applyPath`). `body` returns the request, or a refusal made in the browser.
 */
export function usePreviewApply<T extends Previewed>({
  previewPath,
  applyPath,
  body,
  onApplied,
}: {
  previewPath: string;
  applyPath: string;
  body(): object | ApiError;
  onApplied?(result: T): void;
}) {
  const [outcome, setOutcome] = useState<ApiError | T | null>(null);
  const send = async (apply: boolean) => {
    const request = body();
    if (request instanceof ApiError) return setOutcome(request);
    try {
      const result = await api<T>(apply ? applyPath : previewPath, { method: 'POST', body: request });
      setOutcome(result);
      if (apply) onApplied?.(result);
    } catch (error) {
      if (error instanceof ApiError) setOutcome(error);
      else throw error;
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  return { outcome, result: outcome instanceof ApiError ? null : outcome, send, onSubmit };
}

/** "Voorbeeld tonen" (the form's submit) and, once a preview is shown, the button that stores it. */
export function PreviewApplyButtons({
  result,
  acceptLabel,
  send,
}: {
  result: Previewed | null;
  acceptLabel: string;
  send(apply: boolean): Promise<unknown>;
}) {
  const { t } = useT();
  return (
    <ButtonGroup>
      <Button type="submit" appearance={result && !result.applied ? 'secondary' : 'primary'}>
        {t('Voorbeeld tonen')}
      </Button>
      {result && !result.applied && (
        <Button type="button" appearance="primary" onClick={() => void send(true)}>
          {acceptLabel}
        </Button>
      )}
    </ButtonGroup>
  );
}

/** Whether the preview is only a preview or was stored (`applied` words that), or why it was refused. */
export function PreviewApplyStatus<T extends Previewed>({
  outcome,
  applied,
}: {
  outcome: ApiError | T | null;
  applied(result: T): string;
}) {
  const { t } = useT();
  const result = outcome instanceof ApiError ? null : outcome;
  return (
    <>
      <StatusMessage
        message={result ? (result.applied ? applied(result) : t('Voorbeeld: er is nog niets opgeslagen.')) : null}
      />
      {outcome instanceof ApiError && <Refusal error={outcome} />}
    </>
  );
}
