import type { MessageEvent } from '../model.js';
import { begin, clientIdentity, date, end, startStopKey } from './xml.js';

/** JW305 start zorg (provider → municipality). */
export function renderJw305(e: Extract<MessageEvent, { type: 'JW305' }>): string {
  const t = e.trajectory;
  if (t.begin === undefined) throw new Error(`JW305 without a begin date (trajectory ${t.id})`);
  return `${begin('JW305', e.sender, e.receiver, e.identificatie, e.day)}	<jw305:Client>
${clientIdentity('jw305', t.youth, false)}		<jw305:StartProducten>
			<jw305:StartProduct>
${startStopKey('jw305', t)}				<jw305:Begindatum>${date(t.begin)}</jw305:Begindatum>
				<jw305:StatusAanlevering>1</jw305:StatusAanlevering>
			</jw305:StartProduct>
		</jw305:StartProducten>
	</jw305:Client>
${end('JW305')}`;
}
