/**
 * A registration read of the three-in-one card, for `hcard read --app …` and `hcard check`: as
 * JSON (each application's outcome, the social-security application's national `iReadCardBas`
 * string and MOHRSS codes) and as the desk's text view. Bank data is masked by card-core
 * already; the rest is shown in full, as on the desk's screen.
 */
import { type RegistrationRead, type SsseOutcomeOfRead, toMohrssError } from '@hcard/card-core';
import { formatCardView } from './card-view.js';

const swHex = (sw: number) => sw.toString(16).toUpperCase().padStart(4, '0');

function ssseJson(ssse: SsseOutcomeOfRead): Record<string, unknown> {
  if (ssse.kind === 'absent') return { absent: true };
  if (ssse.kind === 'failed') return { failure: ssse.failure.kind, mohrss: toMohrssError(ssse.failure) };
  const { card, holder, algorithm } = ssse.reading;
  return {
    card,
    algorithm,
    holder: holder.readable
      ? holder.value
      : { notReadable: holder.reason.kind, mohrss: toMohrssError(holder.reason) },
    ...(ssse.cardBas ? { iReadCardBas: ssse.cardBas } : {}),
  };
}

/** The JSON form: `health`, `ssse`, `bank` for the applications read, and `authentication`. */
export function appsJson(read: RegistrationRead): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (read.health) {
    const h = read.health;
    out.health =
      h.kind === 'read'
        ? h.data
        : h.kind === 'absent'
          ? { absent: true }
          : { refused: { ...h.refusal, sw: swHex(h.refusal.sw) } };
  }
  if (read.ssse) out.ssse = ssseJson(read.ssse);
  if (read.bank) {
    const b = read.bank;
    out.bank =
      b.kind === 'bank-application'
        ? b
        : b.kind === 'no-bank-application'
          ? { absent: true }
          : { refused: { aid: b.aid, ...b.refusal, sw: swHex(b.refusal.sw) } };
  }
  out.authentication = read.authentication;
  return out;
}

function ssseView(ssse: SsseOutcomeOfRead): string[] {
  if (ssse.kind === 'absent') return ['社会保障卡 (SSSE): not on this card'];
  if (ssse.kind === 'failed') {
    const m = toMohrssError(ssse.failure);
    return [`社会保障卡 (SSSE): ${ssse.failure.kind} (${m.code} ${m.text})`];
  }
  const { card, holder } = ssse.reading;
  const lines = [
    `社会保障卡 (SSSE ${card.specVersion})`,
    '',
    `  卡号　　　　 ${card.cardNumber}`,
    `  卡识别码　　 ${card.cardIdCode}`,
    `  发卡日期　　 ${card.issueDate}`,
    `  卡有效期　　 ${card.expiryDate}`,
  ];
  if (holder.readable) {
    lines.push(
      `  姓名　　　　 ${holder.value.name}`,
      `  社会保障号码 ${holder.value.socialSecurityNumber}`,
      `  性别　　　　 ${holder.value.sex}`,
      `  出生日期　　 ${holder.value.birthDate}`,
    );
  } else {
    const m = toMohrssError(holder.reason);
    lines.push(`  holder data not readable: ${holder.reason.kind} (${m.code} ${m.text})`);
  }
  if (ssse.cardBas) lines.push('', `  iReadCardBas: ${ssse.cardBas}`);
  return lines;
}

function bankView(bank: NonNullable<RegistrationRead['bank']>): string[] {
  if (bank.kind === 'no-bank-application') return ['银行应用 (bank): not on this card'];
  if (bank.kind === 'refused')
    return [
      `银行应用 (bank): ${bank.aid} refused ${bank.refusal.command} (${swHex(bank.refusal.sw)} ${bank.refusal.meaning})`,
    ];
  return [
    `银行应用 (bank): ${bank.label} (${bank.aid})`,
    '',
    `  卡号 (masked) ${bank.maskedPan}`,
    ...(bank.holderName ? [`  持卡人　　　 ${bank.holderName}`] : []),
    ...(bank.expiryMonth ? [`  有效期　　　 ${bank.expiryMonth}`] : []),
  ];
}

/** The desk's text view of each application read, then whether the card authenticated. */
export function formatApps(read: RegistrationRead, options: { all?: boolean } = {}): string {
  const blocks: string[][] = [];
  if (read.health?.kind === 'read') blocks.push([formatCardView(read.health.data, options)]);
  else if (read.health?.kind === 'absent') blocks.push(['居民健康卡: not on this card']);
  else if (read.health?.kind === 'refused') {
    const r = read.health.refusal;
    blocks.push([`居民健康卡: the card refused ${r.command} (${swHex(r.sw)} ${r.meaning})`]);
  }
  if (read.ssse) blocks.push(ssseView(read.ssse));
  if (read.bank) blocks.push(bankView(read.bank));
  blocks.push([`PSAM authentication: ${read.authentication}`]);
  return blocks.map((b) => b.join('\n')).join('\n\n');
}
