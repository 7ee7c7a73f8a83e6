import type { MessageEvent } from '../model.js';
import { begin, clientIdentity, date, end, esc, omvang, product } from './xml.js';

/** JW315 verzoek om toewijzing (provider → municipality): one requested product with its referrer. */
export function renderJw315(e: Extract<MessageEvent, { type: 'JW315' }>): string {
  const t = e.trajectory;
  const request = t.request;
  const allocation = t.allocation;
  if (!request) throw new Error(`JW315 without a request (trajectory ${t.id})`);
  const r = t.referrer;
  const referrer = `${r.name ? `\n\t\t\t\t\t<ijw:Naam>${esc(r.name)}</ijw:Naam>` : ''}${r.agbCode ? `\n\t\t\t\t\t<ijw:ZorgverlenerCode>${r.agbCode}</ijw:ZorgverlenerCode>` : ''}`;
  const o = allocation?.omvang;
  return `${begin('JW315', e.sender, e.receiver, e.identificatie, e.day)}	<jw315:Client>
${clientIdentity('jw315', t.youth, false)}		<jw315:AangevraagdeProducten>
			<jw315:AangevraagdProduct>
				<jw315:ReferentieAanbieder>${esc(request.reference)}</jw315:ReferentieAanbieder>
${product('jw315', 'Product', t.product.productCategory, t.product.productCode, '\t\t\t\t')}				<jw315:ToewijzingIngangsdatum>${date(request.wantedStart)}</jw315:ToewijzingIngangsdatum>
				<jw315:ToewijzingEinddatum>${date(request.wantedEnd)}</jw315:ToewijzingEinddatum>
${o ? omvang('jw315', o, '\t\t\t\t') : ''}				<jw315:Verwijzer>
					<ijw:Type>${r.type}</ijw:Type>${referrer}
				</jw315:Verwijzer>
			</jw315:AangevraagdProduct>
		</jw315:AangevraagdeProducten>
	</jw315:Client>
${end('JW315')}`;
}
