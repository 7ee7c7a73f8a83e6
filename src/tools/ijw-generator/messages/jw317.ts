import type { MessageEvent } from '../model.js';
import { begin, date, end, esc, omvang } from './xml.js';

/**
 * JW317 verzoek om wijziging (provider → municipality): extend the current allocation (same ToewijzingNummer and
 * Ingangsdatum, later Einddatum, same Omvang) because the care plan changed (WJ758 reden 2).
 */
export function renderJw317(e: Extract<MessageEvent, { type: 'JW317' }>): string {
  const t = e.trajectory;
  const a = t.allocation;
  const x = t.extension;
  if (!a || !x) throw new Error(`JW317 without an allocation and extension (trajectory ${t.id})`);
  return `${begin('JW317', e.sender, e.receiver, e.identificatie, e.day)}	<jw317:Client>
		<jw317:Bsn>${t.youth.bsn}</jw317:Bsn>
		<jw317:Verzoek>
			<jw317:ReferentieAanbieder>${esc(x.reference)}</jw317:ReferentieAanbieder>
			<jw317:RedenVerzoek>2</jw317:RedenVerzoek>
			<jw317:TeWijzigenProducten>
				<jw317:TeWijzigenProduct>
					<jw317:ToewijzingNummer>${a.number}</jw317:ToewijzingNummer>
					<jw317:GewensteIngangsdatum>${date(a.start)}</jw317:GewensteIngangsdatum>
					<jw317:Einddatum>${date(x.newEnd)}</jw317:Einddatum>
${omvang('jw317', a.omvang, '\t\t\t\t\t')}				</jw317:TeWijzigenProduct>
			</jw317:TeWijzigenProducten>
		</jw317:Verzoek>
	</jw317:Client>
${end('JW317')}`;
}
