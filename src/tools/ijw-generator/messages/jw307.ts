import type { MessageEvent } from '../model.js';
import { begin, clientIdentity, date, end, startStopKey } from './xml.js';

/** JW307 stop zorg (provider → municipality) with the JZ588 reden beëindiging. */
export function renderJw307(e: Extract<MessageEvent, { type: 'JW307' }>): string {
  const t = e.trajectory;
  if (t.begin === undefined || t.end === undefined || !t.reason)
    throw new Error(`JW307 without begin, end or reason (trajectory ${t.id})`);
  return `${begin('JW307', e.sender, e.receiver, e.identificatie, e.day)}	<jw307:Client>
${clientIdentity('jw307', t.youth, false)}		<jw307:StopProducten>
			<jw307:StopProduct>
${startStopKey('jw307', t)}				<jw307:Begindatum>${date(t.begin)}</jw307:Begindatum>
				<jw307:RedenBeeindiging>${t.reason}</jw307:RedenBeeindiging>
				<jw307:Einddatum>${date(t.end)}</jw307:Einddatum>
				<jw307:StatusAanlevering>1</jw307:StatusAanlevering>
			</jw307:StopProduct>
		</jw307:StopProducten>
	</jw307:Client>
${end('JW307')}`;
}
