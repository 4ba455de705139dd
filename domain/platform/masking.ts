/** How personal identifiers are shown to roles that do not handle them. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskIdCard(idCard: string): string {
  return idCard.length >= 8 ? `${idCard.slice(0, 3)}${'*'.repeat(idCard.length - 7)}${idCard.slice(-4)}` : '****';
}

/** A natural person's name in published documents: 张三 → 张某 (surname kept). */
export function maskPersonName(name: string): string {
  return name.length <= 1 ? name : `${name[0]}某`;
}
