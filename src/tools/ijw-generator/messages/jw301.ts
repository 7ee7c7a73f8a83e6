import type { MessageEvent, Youth } from '../model.js';
import { begin, clientIdentity, date, end, esc, omvang, product } from './xml.js';

/** The client's BRP address (COD757 soort 01); JW301 requires Contactgegevens. */
function contact(youth: Youth): string {
  const a = youth.address;
  return `		<jw301:Contactgegevens>
			<jw301:Contact>
				<jw301:Soort>01</jw301:Soort>
				<jw301:Adres>
					<ijw:Huis>
						<ijw:Huisnummer>${a.houseNumber}</ijw:Huisnummer>
					</ijw:Huis>
					<ijw:Postcode>${a.postcode}</ijw:Postcode>
					<ijw:Straatnaam>${esc(a.street)}</ijw:Straatnaam>
					<ijw:Plaatsnaam>${esc(a.city)}</ijw:Plaatsnaam>
					<ijw:LandCode>NL</ijw:LandCode>
				</jw301:Adres>
			</jw301:Contact>
		</jw301:Contactgegevens>
`;
}

/**
 * JW301 toewijzing (municipality → provider). The first one allocates; a change (after a JW317) re-sends the same
 * ToewijzingNummer with the new Einddatum, RedenWijziging 12 (geinitieerd door de aanbieder) and the JW317's
 * ReferentieAanbieder.
 */
export function renderJw301(e: Extract<MessageEvent, { type: 'JW301' }>): string {
  const t = e.trajectory;
  const a = t.allocation;
  if (!a) throw new Error(`JW301 without an allocation (trajectory ${t.id})`);
  const x = e.change ? t.extension : undefined;
  if (e.change && !x) throw new Error(`JW301 change without an extension (trajectory ${t.id})`);
  const reference = x ? x.reference : a.providerReference;
  return `${begin('JW301', e.sender, e.receiver, e.identificatie, e.day)}	<jw301:Client>
${clientIdentity('jw301', t.youth, true)}${contact(t.youth)}		<jw301:ToegewezenProducten>
			<jw301:ToegewezenProduct>
				<jw301:ToewijzingNummer>${a.number}</jw301:ToewijzingNummer>
${reference ? `				<jw301:ReferentieAanbieder>${esc(reference)}</jw301:ReferentieAanbieder>\n` : ''}${product('jw301', 'Product', t.product.productCategory, t.product.productCode, '\t\t\t\t')}				<jw301:Toewijzingsdatum>${date(x ? x.allocationDay : a.decisionDay)}</jw301:Toewijzingsdatum>
				<jw301:Toewijzingstijd>${x ? x.time : a.time}</jw301:Toewijzingstijd>
				<jw301:Ingangsdatum>${date(a.start)}</jw301:Ingangsdatum>
				<jw301:Einddatum>${date(x ? x.newEnd : a.originalEnd)}</jw301:Einddatum>
${x ? '				<jw301:RedenWijziging>12</jw301:RedenWijziging>\n' : ''}${omvang('jw301', a.omvang, '\t\t\t\t')}			</jw301:ToegewezenProduct>
		</jw301:ToegewezenProducten>
	</jw301:Client>
${end('JW301')}`;
}
