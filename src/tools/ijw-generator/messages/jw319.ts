import type { MessageEvent } from '../model.js';
import { begin, end, esc } from './xml.js';

/**
 * JW319 antwoordbericht (municipality → provider) on a JW315 or JW317. In iJw 3.2 VerzoekAntwoord (WJ760) is 1
 * 'verzoek afgewezen' (with RedenAfwijzingVerzoek, CD085) or 2 'aanvraag in onderzoek'; an honoured request is
 * answered with a JW301 instead (OP274).
 */
export function renderJw319(e: Extract<MessageEvent, { type: 'JW319' }>): string {
  const reason =
    e.answer === '1' && e.refusalReason
      ? `\n\t\t<jw319:RedenAfwijzingVerzoek>${e.refusalReason}</jw319:RedenAfwijzingVerzoek>`
      : '';
  return `${begin('JW319', e.sender, e.receiver, e.identificatie, e.day)}	<jw319:Antwoord>
		<jw319:ReferentieAanbieder>${esc(e.reference)}</jw319:ReferentieAanbieder>
		<jw319:VerzoekAntwoord>${e.answer}</jw319:VerzoekAntwoord>${reason}
	</jw319:Antwoord>
${end('JW319')}`;
}
