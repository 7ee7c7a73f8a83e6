import { monthEnd, monthStart } from '../dates.js';
import type { MessageEvent } from '../model.js';
import { begin, date, end, esc } from './xml.js';

/**
 * JW323 declaratie (provider → municipality): one calendar month, many clients, each with prestaties that refer to
 * their ToewijzingNummer. Amounts are whole euro cents (IV024) with D(ebet); IngediendBedrag = GeleverdVolume ×
 * ProductTarief (TR346) and no ProductTarief for eenheid 83 (CD087); the total is the sum (TR358).
 */
export function renderJw323(e: Extract<MessageEvent, { type: 'JW323' }>): string {
  const d = e.declaration;
  const parts: string[] = [begin('JW323', e.sender, e.receiver, e.identificatie, e.day)];
  parts.push(`	<jw323:Declaratie>
		<jw323:DeclaratieNummer>${esc(d.number)}</jw323:DeclaratieNummer>
		<jw323:DeclaratiePeriode>
			<ijw:Begindatum>${date(monthStart(d.month))}</ijw:Begindatum>
			<ijw:Einddatum>${date(monthEnd(d.month))}</ijw:Einddatum>
		</jw323:DeclaratiePeriode>
		<jw323:DeclaratieDagtekening>${date(e.day)}</jw323:DeclaratieDagtekening>
		<jw323:TotaalIngediendBedrag>
			<ijw:TotaalBedrag>${d.totalCents}</ijw:TotaalBedrag>
			<ijw:DebetCredit>D</ijw:DebetCredit>
		</jw323:TotaalIngediendBedrag>
		<jw323:Clienten>
`);
  for (const c of d.clients) {
    parts.push(`			<jw323:Client>
				<jw323:Bsn>${c.bsn}</jw323:Bsn>
				<jw323:Prestaties>
`);
    for (const p of c.prestaties) {
      const t = p.trajectory;
      const tariff =
        p.tariffCents === undefined ? '' : `\n\t\t\t\t\t\t<jw323:ProductTarief>${p.tariffCents}</jw323:ProductTarief>`;
      parts.push(`					<jw323:Prestatie>
						<jw323:ProductReferentie>
							<ijw:ReferentieNummer>${p.reference}</ijw:ReferentieNummer>
						</jw323:ProductReferentie>
						<jw323:ToewijzingNummer>${t.allocation?.number ?? 0}</jw323:ToewijzingNummer>
						<jw323:ProductCategorie>${t.product.productCategory}</jw323:ProductCategorie>
						<jw323:ProductCode>${esc(t.product.productCode)}</jw323:ProductCode>
						<jw323:ProductPeriode>
							<ijw:Begindatum>${date(p.from)}</ijw:Begindatum>
							<ijw:Einddatum>${date(p.to)}</ijw:Einddatum>
						</jw323:ProductPeriode>
						<jw323:GeleverdVolume>${p.volume}</jw323:GeleverdVolume>
						<jw323:Eenheid>${t.allocation?.omvang.unit ?? t.product.unit}</jw323:Eenheid>${tariff}
						<jw323:IngediendBedrag>
							<ijw:Bedrag>${p.amountCents}</ijw:Bedrag>
							<ijw:DebetCredit>D</ijw:DebetCredit>
						</jw323:IngediendBedrag>
					</jw323:Prestatie>
`);
    }
    parts.push(`				</jw323:Prestaties>
			</jw323:Client>
`);
  }
  parts.push(`		</jw323:Clienten>
	</jw323:Declaratie>
${end('JW323')}`);
  return parts.join('');
}
