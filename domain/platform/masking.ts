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

/** A natural person's name on a public disclosure page: 张三 → 张某某 (surname kept; 艾尔肯·吐尔逊 → 艾某某). */
export function maskNameForPublication(name: string): string {
  const trimmed = name.trim();
  return trimmed.length === 0 ? '' : `${trimmed[0]}某某`;
}

/** An address on a public page, cut after the village (村/社区/居委会), or else after the town: no house numbers. */
export function addressToVillage(address: string): string {
  const village = address.match(/^.*?(村|社区|居委会|嘎查)/);
  if (village) return village[0];
  const town = address.match(/^.*?(镇|乡|街道)/);
  return town ? town[0] : '';
}

/** Free text for publication: 18-digit ID numbers and mobile numbers inside it partly hidden. */
export function maskIdentifiersInText(text: string): string {
  return text.replace(/\d{17}[\dXx]/g, (m) => maskIdCard(m)).replace(/(?<!\d)1\d{10}(?!\d)/g, (m) => maskPhone(m));
}
